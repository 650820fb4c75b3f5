import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { guideErrorCategoryLabels, guideErrorCategorySchema, type GuideErrorReportView, type Role } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { RoleGate } from '@/components/role-gate';
import { TabStrip } from '@/components/tab-strip';
import { Button } from '@/components/ui';
import { formatDateTime } from '@/format/date-time';
import { useDepartmentChoice } from '@/hooks/use-department-choice';
import { useGuideErrorInbox, type ErrorReportTab, type GuideErrorInbox } from '@/hooks/use-guide-error-inbox';
import type { SessionGrant } from '@/session/roles';
import '../staff-booking.scss';

const departmentRoles: readonly Role[] = ['DEPARTMENT_HANDLER', 'MAILBOX_OFFICE'];
const tabs: readonly { value: ErrorReportTab; title: string }[] = [
  { value: 'PENDING', title: '待处理' },
  { value: 'ANSWERED', title: '已答复' },
];

export default function StaffGuideErrorsPage() {
  return (
    <PageShell id="page-staff-guide-errors" className="staff-booking">
      <RoleGate allowed={departmentRoles} areaName="指南纠错处理" canBindStaffAccount>
        {({ grants }) => <InboxBody grants={grants} />}
      </RoleGate>
    </PageShell>
  );
}

function InboxBody({ grants }: { grants: SessionGrant[] }) {
  const departments = useDepartmentChoice(grants);
  const inbox = useGuideErrorInbox(departments.selectedId);
  return (
    <View>
      {departments.options.length > 1 ? (
        <OptionChips
          id="guide-errors-departments"
          options={departments.options.map(({ id, name }) => ({ value: id, label: name }))}
          selected={departments.selectedId}
          onSelect={departments.select}
        />
      ) : null}
      <TabStrip id="guide-errors-tabs" tabs={tabs} value={inbox.tab} onChange={inbox.setTab} />
      <ReportList inbox={inbox} />
    </View>
  );
}

function ReportList({ inbox }: { inbox: GuideErrorInbox }) {
  const { reports } = inbox;
  if (reports.status === 'error') return <EmptyState id="guide-errors-error" title="加载失败" description={reports.message} />;
  if (reports.status !== 'ready') return <EmptyState id="guide-errors-loading" title="正在加载" />;
  if (reports.data.length === 0) return <EmptyState id="guide-errors-empty" title={inbox.tab === 'PENDING' ? '暂无待处理的纠错' : '暂无已答复的纠错'} />;
  return (
    <View id="guide-errors-list">
      {reports.data.map((report, index) => (
        <ReportCard key={report.id} index={index} report={report} inbox={inbox} />
      ))}
    </View>
  );
}

function categoryLabel(category: string): string {
  const parsed = guideErrorCategorySchema.safeParse(category);
  return parsed.success ? guideErrorCategoryLabels[parsed.data] : category;
}

function ReportCard({ report, inbox, index }: { report: GuideErrorReportView; inbox: GuideErrorInbox; index: number }) {
  const [answer, setAnswer] = useState('');
  const error = inbox.errors[report.id];
  return (
    <View className="gp-card" id={`guide-error-${index}`}>
      <View className="staff-booking__row">
        <Text className="staff-booking__title">{report.itemName}</Text>
        <Text className="staff-booking__status">{categoryLabel(report.category)}</Text>
      </View>
      <Text>{report.content}</Text>
      <Text className="gp-muted">提交于 {formatDateTime(report.createdAt)}</Text>
      {report.status === 'PENDING' ? (
        <>
          <Textarea
            className="staff-booking__textarea"
            id={`guide-error-${index}-answer`}
            value={answer}
            maxlength={1000}
            placeholder="答复内容（2至1000字）"
            onInput={(event) => setAnswer(event.detail.value)}
          />
          <View className="staff-booking__buttons">
            <Button type="primary" id={`guide-error-${index}-submit`} loading={inbox.busyId === report.id} onClick={() => void inbox.answer(report.id, answer)}>
              提交答复
            </Button>
          </View>
        </>
      ) : (
        <Text className="gp-muted">
          答复：{report.answer ?? ''}
          {report.answeredAt ? `（${formatDateTime(report.answeredAt)}）` : ''}
        </Text>
      )}
      {error ? (
        <Text className="gp-error" id={`guide-error-${index}-error`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
