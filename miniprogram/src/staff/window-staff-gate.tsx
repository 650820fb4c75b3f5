import type { ReactNode } from 'react';
import { EmptyState } from '@/components/empty-state';
import { RoleGate } from '@/components/role-gate';
import { useStaffHall, type StaffHall } from '@/hooks/use-staff-hall';

const windowStaff = ['WINDOW_STAFF'] as const;

/** Window staff pages: the role gate, then the hall of the staff member's grant. */
export function WindowStaffGate({ children }: { children: (hall: StaffHall) => ReactNode }) {
  const hall = useStaffHall();
  return (
    <RoleGate allowed={windowStaff} areaName="窗口工作台" canBindStaffAccount>
      {() => (hall ? children(hall) : <EmptyState id="staff-no-hall" title="未关联大厅" description="您的窗口人员账号尚未关联办事大厅，请联系管理员。" />)}
    </RoleGate>
  );
}
