import { Text, View } from '@tarojs/components';
import { consultationStatusLabels, type ConsultationDetail, type ConsultationSection, type MyOpinion } from '@govpocket/shared';
import { OpinionCard } from '@/components/consultation/opinion-card';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PhoneLink } from '@/components/phone-link';
import { SectionCard } from '@/components/section-card';
import { Button } from '@/components/ui';
import { useConsultationDetail } from '@/hooks/use-consultation-detail';
import { usePageParam } from '@/hooks/use-page-param';
import { openPage, routes } from '@/navigation/routes';
import { openPdf } from '@/platform/open-document';
import '@/styles/consultation.scss';

export default function ConsultationDetailPage() {
  const id = usePageParam('id');
  const view = useConsultationDetail(id);
  const { consultation } = view;
  return (
    <PageShell id="page-consultation-detail" className="consult">
      {consultation.status === 'error' ? (
        <EmptyState id="consultation-error" title="加载失败" description={consultation.message} />
      ) : consultation.status !== 'ready' ? (
        <EmptyState id="consultation-loading" title="正在加载" />
      ) : (
        <DetailBody consultation={consultation.data} myOpinions={view.myOpinions.status === 'ready' ? view.myOpinions.data : []} />
      )}
    </PageShell>
  );
}

function comment(consultation: ConsultationDetail, section: ConsultationSection | null): void {
  openPage(routes.consultationOpinion, section ? { id: consultation.id, sectionId: section.id, sectionNumber: String(section.number) } : { id: consultation.id });
}

function DetailBody({ consultation, myOpinions }: { consultation: ConsultationDetail; myOpinions: MyOpinion[] }) {
  const { contact } = consultation;
  return (
    <View>
      <View className="consult__intro">
        <Text className="consult__title" id="consultation-title">{consultation.title}</Text>
        <Text className="consult__meta">{consultation.department.name}</Text>
        <Text className="consult__meta">
          征集期限：{consultation.startDate} 至 {consultation.endDate}
        </Text>
        <Text className="consult__badge" id="consultation-status">
          {consultation.status === 'OPEN' && consultation.daysLeft !== null ? `征集中 · 剩${consultation.daysLeft}天` : consultationStatusLabels[consultation.status]}
        </Text>
        {consultation.shortenedReason ? <Text className="consult__meta">征集期限少于30天的理由：{consultation.shortenedReason}</Text> : null}
      </View>

      {consultation.feedbackVersion !== null ? (
        <View className="consult__actions">
          <Button id="consultation-feedback" type="primary" onClick={() => openPage(routes.consultationFeedback, { id: consultation.id })}>
            查看采纳情况反馈
          </Button>
        </View>
      ) : null}

      <SectionCard title="起草背景">
        <Text className="consult__text">{consultation.background}</Text>
      </SectionCard>
      <SectionCard title="起草依据">
        <Text className="consult__text">{consultation.basis}</Text>
      </SectionCard>

      <SectionCard title="征求意见稿" id="consultation-sections">
        {consultation.sections.map((section) => (
          <View key={section.id} className="consult__card" id={`section-${section.number}`}>
            {section.heading ? <Text className="consult__section-heading">{section.heading}</Text> : null}
            <Text className="consult__text">
              第{section.number}条{'\u3000'}{section.body}
            </Text>
            {consultation.isAcceptingOpinions ? (
              <Text className="consult__link" id={`section-${section.number}-comment`} onClick={() => comment(consultation, section)}>
                对此条提意见
              </Text>
            ) : null}
          </View>
        ))}
      </SectionCard>

      {consultation.attachments.length > 0 ? (
        <SectionCard title="附件">
          {consultation.attachments.map((attachment, index) => (
            <Text key={attachment.id} className="consult__link" id={`attachment-${index}`} onClick={() => void openPdf(attachment.url)}>
              {attachment.name}
            </Text>
          ))}
        </SectionCard>
      ) : null}

      <SectionCard title="联系方式">
        {contact.name ? <Text className="consult__text">联系单位：{contact.name}</Text> : null}
        {contact.phone ? (
          <View>
            <Text className="consult__text">联系电话：</Text>
            <PhoneLink phoneNumber={contact.phone} />
          </View>
        ) : null}
        {contact.email ? <Text className="consult__text">电子邮箱：{contact.email}</Text> : null}
        {contact.address ? <Text className="consult__text">通信地址：{contact.address}</Text> : null}
      </SectionCard>

      {myOpinions.length > 0 ? (
        <SectionCard title="我的意见" id="consultation-my-opinions">
          {myOpinions.map((opinion, index) => (
            <OpinionCard key={opinion.id} opinion={opinion} index={index} />
          ))}
        </SectionCard>
      ) : null}

      {consultation.isAcceptingOpinions ? (
        <View className="consult__actions">
          <Button id="consultation-comment-whole" type="primary" block onClick={() => comment(consultation, null)}>
            对征求意见稿整体提意见
          </Button>
        </View>
      ) : null}
    </View>
  );
}
