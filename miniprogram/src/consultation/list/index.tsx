import { Text, View } from '@tarojs/components';
import { consultationPhaseSchema, type ConsultationListItem, type ConsultationPhase } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { TabStrip } from '@/components/tab-strip';
import { usePageParam } from '@/hooks/use-page-param';
import { useConsultations } from '@/hooks/use-consultations';
import { openPage, routes } from '@/navigation/routes';
import '@/styles/consultation.scss';

const phaseTabs: readonly { value: ConsultationPhase; title: string }[] = [
  { value: 'OPEN', title: '征集中' },
  { value: 'CLOSED', title: '待反馈' },
  { value: 'FEEDBACK_PUBLISHED', title: '已反馈' },
];

export default function ConsultationListPage() {
  const initial = consultationPhaseSchema.safeParse(usePageParam('status'));
  const view = useConsultations(initial.success ? initial.data : 'OPEN');
  const departments = view.list.status === 'ready' ? view.list.data.departments : [];
  return (
    <PageShell id="page-consultations" className="consult">
      <TabStrip id="consultation-phase" tabs={phaseTabs} value={view.phase} onChange={view.setPhase} />
      {departments.length > 1 ? (
        <OptionChips
          id="consultation-departments"
          options={[{ value: '', label: '全部部门' }, ...departments.map(({ id, name }) => ({ value: id, label: name }))]}
          selected={view.departmentId ?? ''}
          onSelect={(value) => view.setDepartmentId(value || null)}
        />
      ) : null}
      {view.list.status === 'error' ? (
        <EmptyState id="consultations-error" title="加载失败" description={view.list.message} />
      ) : view.list.status !== 'ready' ? (
        <EmptyState id="consultations-loading" title="正在加载" />
      ) : view.list.data.items.length === 0 ? (
        <EmptyState id="consultations-empty" title="暂无意见征集" />
      ) : (
        <View id="consultations-list">
          {view.list.data.items.map((item, index) => (
            <ConsultationCard key={item.id} item={item} index={index} />
          ))}
        </View>
      )}
    </PageShell>
  );
}

function phaseBadge(item: ConsultationListItem): string {
  if (item.status === 'OPEN') return item.daysLeft !== null ? `征集中 · 剩${item.daysLeft}天` : '征集中';
  if (item.status === 'CLOSED') return '已结束 · 待反馈';
  return '已反馈';
}

function ConsultationCard({ item, index }: { item: ConsultationListItem; index: number }) {
  return (
    <View className="consult__card" id={`consultation-${index}`} onClick={() => openPage(routes.consultationDetail, { id: item.id })}>
      <Text className="consult__card-title">{item.title}</Text>
      <Text className="consult__meta">
        {item.department.name} · {item.startDate} 至 {item.endDate}
      </Text>
      <View>
        <Text className={`consult__badge${item.status === 'OPEN' ? '' : ' consult__badge--muted'}`}>{phaseBadge(item)}</Text>
        <Text className="consult__badge consult__badge--muted">{item.opinionCount}条意见</Text>
      </View>
    </View>
  );
}
