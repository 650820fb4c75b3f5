import { staffRoleLabels, type Role, type SessionUser } from '@govpocket/shared';

export const roleLabels: Record<Role, string> = { RESIDENT: '居民', ...staffRoleLabels };

/** Roles that open the staff workbench (the `staff` subpackage). */
export const staffRoles: readonly Role[] = ['WINDOW_STAFF', 'MAILBOX_OFFICE', 'DEPARTMENT_HANDLER'];
export const adminRoles: readonly Role[] = ['ADMIN'];

/** One role of the signed-in user with the scope it applies to. */
export type SessionGrant = SessionUser['roles'][number];

export function grantsFor(user: SessionUser | null, allowed: readonly Role[]): SessionGrant[] {
  return user ? user.roles.filter((grant) => allowed.includes(grant.role)) : [];
}

export function hasAnyRole(user: SessionUser | null, allowed: readonly Role[]): boolean {
  return grantsFor(user, allowed).length > 0;
}

/** "窗口人员 · 清江市民中心政务服务大厅": the role and, when the grant is scoped, its scope. */
export function describeGrant(grant: SessionGrant): string {
  return grant.scopeName ? `${roleLabels[grant.role]} · ${grant.scopeName}` : roleLabels[grant.role];
}
