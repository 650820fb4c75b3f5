import type { SessionUser } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { hasRole, scopeIds } from '../auth/access';
import type { LetterActor } from './transitions';

/**
 * Who may act on a letter: the office (信箱受理员) of the department that owns its mailbox, the
 * handlers (承办人) of the department it is assigned to, and admins. The role the actor acted in
 * goes into the event and audit rows.
 */
export type StaffActor = LetterActor & { userId: string };

function actorFor(user: SessionUser, role: 'MAILBOX_OFFICE' | 'DEPARTMENT_HANDLER', departmentId: string | null): StaffActor {
  const scope = scopeIds(user, role);
  const isOwnRole = hasRole(user, role) && departmentId !== null && (scope.all || scope.ids.includes(departmentId));
  if (isOwnRole) return { type: 'STAFF', userId: user.id, role };
  if (hasRole(user, 'ADMIN')) return { type: 'STAFF', userId: user.id, role: 'ADMIN' };
  throw new AppError('FORBIDDEN', { message: '该来信不在您的管辖范围内' });
}

export const officeActor = (user: SessionUser, ownerDepartmentId: string): StaffActor => actorFor(user, 'MAILBOX_OFFICE', ownerDepartmentId);
export const handlerActor = (user: SessionUser, departmentId: string | null): StaffActor => actorFor(user, 'DEPARTMENT_HANDLER', departmentId);

/** Office of the owner, or handler of the current department: who may read the letter and add notes. */
export function readerActor(user: SessionUser, letter: { ownerDepartmentId: string; departmentId: string | null }): StaffActor & { isOffice: boolean } {
  try {
    return { ...officeActor(user, letter.ownerDepartmentId), isOffice: true };
  } catch {
    return { ...handlerActor(user, letter.departmentId), isOffice: false };
  }
}
