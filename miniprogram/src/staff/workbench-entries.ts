import type { Role } from '@govpocket/shared';
import { routes, type PageRoute } from '@/navigation/routes';

export type WorkbenchRole = Extract<Role, 'WINDOW_STAFF' | 'MAILBOX_OFFICE' | 'DEPARTMENT_HANDLER'>;

export type WorkbenchEntry = {
  key: string;
  title: string;
  description: string;
  /** The page behind the entry; entries without one announce that they are coming. */
  route?: PageRoute;
  params?: Record<string, string>;
};

/** What each staff role works on; the pages behind them arrive with the booking and mailbox issues. */
export const workbenchEntries: Record<WorkbenchRole, readonly WorkbenchEntry[]> = {
  WINDOW_STAFF: [
    { key: 'today-bookings', title: '今日预约', description: '本大厅今日预约与签到', route: routes.staffToday },
    { key: 'call-queue', title: '叫号', description: '叫号、开始办理、办结、未到或转窗口', route: routes.staffCounter },
    { key: 'pre-reviews', title: '材料预审', description: '通过或退回补正', route: routes.staffPreReviews },
    { key: 'follow-ups', title: '差评回访', description: '不满意评价的整改与说明', route: routes.staffFollowUps },
    { key: 'trip-stats', title: '办件跑动统计', description: '实际到场次数与承诺跑动次数对比', route: routes.staffTripStats },
  ],
  MAILBOX_OFFICE: [
    { key: 'letter-intake', title: '信件受理', description: '受理或不予受理、交办部门、审核答复与公开、督办', route: routes.staffLetters },
    { key: 'guide-errors', title: '指南纠错处理', description: '答复居民对本部门办事指南的纠错', route: routes.staffGuideErrors },
  ],
  DEPARTMENT_HANDLER: [
    { key: 'department-letters', title: '本部门信件', description: '办理交办信件、起草答复、申请延期或退回', route: routes.staffLetters, params: { desk: 'department' } },
    { key: 'consultation-opinions', title: '意见征集', description: '起草征求意见稿，对征集意见逐条作出采纳答复并发布反馈', route: routes.staffConsultations },
    { key: 'guide-maintenance', title: '办事指南维护', description: '编辑、发布或下架本部门的办事指南', route: routes.adminGuides },
    { key: 'guide-errors', title: '指南纠错处理', description: '答复居民对本部门办事指南的纠错', route: routes.staffGuideErrors },
  ],
};

export const workbenchRoles: readonly WorkbenchRole[] = ['WINDOW_STAFF', 'MAILBOX_OFFICE', 'DEPARTMENT_HANDLER'];

export function isWorkbenchRole(role: Role): role is WorkbenchRole {
  return (workbenchRoles as readonly Role[]).includes(role);
}
