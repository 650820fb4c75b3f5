import { Text, View } from '@tarojs/components';
import type { Role, StaffLetterRow } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { RoleGate } from '@/components/role-gate';
import { TabStrip } from '@/components/tab-strip';
import { formatDateTime } from '@/format/date-time';
import { useDepartmentChoice } from '@/hooks/use-department-choice';
import { usePageParam } from '@/hooks/use-page-param';
import { useStaffLetters, type LetterDesk, type OfficeTab } from '@/hooks/use-staff-letters';
import { openPage, routes } from '@/navigation/routes';
import type { SessionGrant } from '@/session/roles';
import '../staff-booking.scss';
import './letters.scss';

const officeTabs: readonly { value: OfficeTab; title: string }[] = [
  { value: 'inbox', title: '待受理' },
  { value: 'review', title: '待处理' },
  { value: 'open', title: '办理中' },
  { value: 'overdue', title: '督办' },
  { value: 'closed', title: '已办结' },
];
const urgencyLabels = { OVERDUE: '已超期', DUE_SOON: '即将到期', PAUSED: '待补充', NORMAL: '' } as const;

/** The office's inbox (desk=office) or my department's letters (desk=department), most urgent first. */
export default function StaffLettersPage() {
  const desk: LetterDesk = usePageParam('desk') === 'department' ? 'department' : 'office';
  const roles: readonly Role[] = desk === 'office' ? ['MAILBOX_OFFICE'] : ['DEPARTMENT_HANDLER'];
  return (
    <PageShell id="page-staff-letters" className="staff-booking">
      <RoleGate allowed={roles} areaName={desk === 'office' ? '信件受理' : '本部门信件'} canBindStaffAccount>
        {({ grants }) => <Desk desk={desk} grants={grants} />}
      </RoleGate>
    </PageShell>
  );
}

function Desk({ desk, grants }: { desk: LetterDesk; grants: SessionGrant[] }) {
  const departments = useDepartmentChoice(grants);
  const view = useStaffLetters(desk, departments.selectedId);
  const { letters } = view;
  return (
    <View>
      {departments.options.length > 1 ? (
        <OptionChips id="staff-letters-departments" options={departments.options.map(({ id, name }) => ({ value: id, label: name }))} selected={departments.selectedId} onSelect={departments.select} />
      ) : null}
      {desk === 'office' ? <TabStrip id="staff-letters-tabs" tabs={officeTabs} value={view.tab} onChange={view.setTab} /> : null}
      {letters.status === 'error' ? (
        <EmptyState id="staff-letters-error" title="加载失败" description={letters.message} />
      ) : letters.status !== 'ready' ? (
        <EmptyState id="staff-letters-loading" title="正在加载" />
      ) : letters.data.letters.length === 0 ? (
        <EmptyState id="staff-letters-empty" title="暂无信件" />
      ) : (
        <View id="staff-letters">
          {letters.data.letters.map((letter) => (
            <LetterRow key={letter.id} letter={letter} />
          ))}
        </View>
      )}
    </View>
  );
}

function LetterRow({ letter }: { letter: StaffLetterRow }) {
  return (
    <View className={`gp-card staff-letters__row staff-letters__row--${letter.urgency.toLowerCase()}`} id={`staff-letter-${letter.trackingCode}`} onClick={() => openPage(routes.staffLetter, { id: letter.id })}>
      <View className="staff-booking__row">
        <Text className="staff-booking__title">{letter.title}</Text>
        <Text className="staff-booking__status">{letter.statusLabel}</Text>
      </View>
      <Text className="gp-muted">
        {letter.trackingCode} · {letter.mailboxName}
        {letter.departmentName ? ` · ${letter.departmentName}` : ''}
      </Text>
      {letter.dueAt ? (
        <Text className="staff-letters__due">
          期限 {formatDateTime(letter.dueAt)} {urgencyLabels[letter.urgency]}
        </Text>
      ) : null}
      {letter.contentCheckStatus !== 'PASS' ? <Text className="gp-error">内容待复核</Text> : null}
    </View>
  );
}
