import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { Role, SessionUser } from '@govpocket/shared';
import { useRoleGate } from '@/hooks/use-role-gate';
import { openPage, openTab, routes } from '@/navigation/routes';
import type { SessionGrant } from '@/session/roles';
import { EmptyState } from './empty-state';
import { Button } from './ui';

type RoleGateProps = {
  allowed: readonly Role[];
  /** Chinese name of the guarded area, e.g. 员工工作台. */
  areaName: string;
  /** Staff areas offer the binding page to a signed-in user without the role. */
  canBindStaffAccount?: boolean;
  children: (access: { user: SessionUser; grants: SessionGrant[] }) => ReactNode;
};

export function RoleGate({ allowed, areaName, canBindStaffAccount = false, children }: RoleGateProps) {
  const gate = useRoleGate(allowed);

  if (gate.access === 'allowed') {
    return <>{children({ user: gate.user, grants: gate.grants })}</>;
  }

  if (gate.access === 'signed-out') {
    return (
      <EmptyState
        id="role-gate-signed-out"
        title="请先登录"
        description={`${areaName}仅对授权的工作人员开放，请先在“我的”页面登录。`}
        action={
          <Button type="primary" onClick={() => openTab(routes.mine)}>
            去登录
          </Button>
        }
      />
    );
  }

  return (
    <EmptyState
      id="role-gate-forbidden"
      title="暂无访问权限"
      description={
        canBindStaffAccount
          ? `当前账号未开通${areaName}。如您是工作人员，请使用管理员发放的一次性绑定码完成绑定。`
          : `当前账号无权访问${areaName}，如有疑问请联系系统管理员。`
      }
      action={
        <View className="gp-gate-actions">
          {canBindStaffAccount ? (
            <Button type="primary" onClick={() => openPage(routes.staffBind)}>
              绑定员工账号
            </Button>
          ) : null}
          <Button fill="outline" onClick={() => openTab(routes.home)}>
            返回首页
          </Button>
        </View>
      }
    />
  );
}
