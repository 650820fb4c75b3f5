import { useDidShow } from '@tarojs/taro';
import { adminRoles, describeGrant, hasAnyRole, staffRoles } from '@/session/roles';
import { useSession } from './use-session';

export type MineOverview = ReturnType<typeof useSession> & {
  /** "窗口人员 · 清江市民中心政务服务大厅" per grant; residents have only 居民. */
  roleDescriptions: string[];
  canOpenStaffWorkbench: boolean;
  canOpenAdmin: boolean;
  /** Signed-in users without a staff or admin role may redeem a binding code. */
  canBindStaffAccount: boolean;
};

export function useMineOverview(): MineOverview {
  const session = useSession();
  const { user, refreshUser } = session;
  // Roles change outside the app (an admin binds or disables a staff account): re-read on show.
  useDidShow(() => {
    void refreshUser();
  });
  const canOpenStaffWorkbench = hasAnyRole(user, staffRoles);
  const canOpenAdmin = hasAnyRole(user, adminRoles);
  return {
    ...session,
    roleDescriptions: user ? user.roles.map(describeGrant) : [],
    canOpenStaffWorkbench,
    canOpenAdmin,
    canBindStaffAccount: user !== null && !canOpenStaffWorkbench && !canOpenAdmin,
  };
}
