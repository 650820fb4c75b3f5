import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { opinionOutcomeKindLabels, opinionOutcomeKindSchema, type FeedbackReport } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { SectionCard } from '@/components/section-card';
import { formatDateTime } from '@/format/date-time';
import { usePageParam } from '@/hooks/use-page-param';
import { useRemoteData } from '@/hooks/use-remote-data';
import { fetchFeedbackReport } from '@/services/consultation-service';
import '@/styles/consultation.scss';

export default function FeedbackReportPage() {
  const id = usePageParam('id');
  const [version, setVersion] = useState<number | undefined>(undefined);
  const { state } = useRemoteData(id ? `feedback:${id}:${version ?? 'latest'}` : null, () => fetchFeedbackReport(id, version));
  return (
    <PageShell id="page-consultation-feedback" className="consult">
      {state.status === 'error' ? (
        <EmptyState id="feedback-error" title="加载失败" description={state.message} />
      ) : state.status !== 'ready' ? (
        <EmptyState id="feedback-loading" title="正在加载" />
      ) : (
        <ReportBody report={state.data} onVersion={setVersion} />
      )}
    </PageShell>
  );
}

const sectionLabel = (number: number | null) => (number === null ? '总体意见' : `第${number}条`);

function ReportBody({ report, onVersion }: { report: FeedbackReport; onVersion: (version: number) => void }) {
  const { totals } = report.report;
  const latest = report.versions[report.versions.length - 1]?.version ?? report.version;
  return (
    <View>
      <View className="consult__intro">
        <Text className="consult__title">{report.consultation.title}</Text>
        <Text className="consult__meta">
          {report.consultation.departmentName} · 发布于{formatDateTime(report.publishedAt)}
          {report.version < latest ? `（第${report.version}版，已有更正版本）` : report.version > 1 ? `（第${report.version}版，更正版）` : ''}
        </Text>
      </View>
      {report.versions.length > 1 ? (
        <OptionChips
          id="feedback-versions"
          options={report.versions.map((entry) => ({ value: String(entry.version), label: `第${entry.version}版` }))}
          selected={String(report.version)}
          onSelect={(value) => onVersion(Number(value))}
        />
      ) : null}
      {report.explanation ? (
        <SectionCard title="部门说明">
          <Text className="consult__text" id="feedback-explanation">{report.explanation}</Text>
        </SectionCard>
      ) : null}
      <SectionCard title="采纳情况统计" id="feedback-totals">
        <View className="consult__stat-row">
          <Text>收到意见</Text>
          <Text>{totals.opinions}条</Text>
        </View>
        {opinionOutcomeKindSchema.options.map((kind) => (
          <View className="consult__stat-row" key={kind}>
            <Text>{opinionOutcomeKindLabels[kind]}</Text>
            <Text id={`feedback-total-${kind}`}>{totals[kind]}条</Text>
          </View>
        ))}
      </SectionCard>
      <SectionCard title="分条统计">
        {report.report.sections
          .filter((section) => section.opinions > 0)
          .map((section) => (
            <View className="consult__stat-row" key={section.label}>
              <Text>{section.label}</Text>
              <Text>
                {section.opinions}条，采纳{section.outcomes.ADOPTED + section.outcomes.PARTIALLY_ADOPTED}条
              </Text>
            </View>
          ))}
      </SectionCard>
      {report.report.adopted.length > 0 ? (
        <SectionCard title="采纳的意见">
          {report.report.adopted.map((entry, index) => (
            <View className="consult__outcome" key={entry.opinionId} id={`feedback-adopted-${index}`}>
              <Text className="consult__badge">{entry.outcome ? opinionOutcomeKindLabels[entry.outcome] : '采纳'}</Text>
              <Text className="consult__meta">{sectionLabel(entry.section)}</Text>
              <Text className="consult__text">{entry.summary ?? ''}</Text>
            </View>
          ))}
        </SectionCard>
      ) : null}
      {report.report.notAdopted.length > 0 ? (
        <SectionCard title="未采纳的意见及理由" id="feedback-not-adopted">
          {report.report.notAdopted.map((entry, index) => (
            <View className="consult__outcome" key={entry.opinionId} id={`feedback-not-adopted-${index}`}>
              <Text className="consult__meta">{sectionLabel(entry.section)}</Text>
              {entry.excerpt ? <Text className="consult__text">意见：{entry.excerpt}</Text> : null}
              <Text className="consult__text">理由：{entry.reason ?? ''}</Text>
            </View>
          ))}
        </SectionCard>
      ) : null}
    </View>
  );
}
