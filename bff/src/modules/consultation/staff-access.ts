import type { ConsultationStatus, Prisma, PrismaClient } from '@govpocket/db';
import type { Role, SessionUser } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { findConsultationState } from './repository';

/**
 * Staff act on one department's consultations (the route checked role and department scope): the
 * record must belong to that department, and be in a state the action allows.
 */
export type StaffActor = { staff: SessionUser; departmentId: string; requestId: string };

export function actingRole(staff: SessionUser, departmentId: string): Role {
  return staff.roles.some((assignment) => assignment.role === 'DEPARTMENT_HANDLER' && assignment.scopeId === departmentId) ? 'DEPARTMENT_HANDLER' : 'ADMIN';
}

export async function loadOwnConsultation(db: PrismaClient | Prisma.TransactionClient, { departmentId, consultationId }: { departmentId: string; consultationId: string }) {
  const consultation = await findConsultationState(db, consultationId);
  // Another department's consultation does not exist, as far as this editor can tell.
  if (!consultation || consultation.departmentId !== departmentId) throw new AppError('NOT_FOUND', { message: '该意见征集不存在' });
  return consultation;
}

const stateMessages: Record<ConsultationStatus, string> = {
  DRAFT: '征集尚未开始',
  OPEN: '征集尚在进行中，结束后才能答复和发布',
  CLOSED: '征集已结束，反馈尚未发布',
  FEEDBACK_PUBLISHED: '采纳情况反馈已发布，如需修改请发布更正',
};

export function assertState(current: ConsultationStatus, allowed: ConsultationStatus[], message?: string): void {
  if (!allowed.includes(current)) throw new AppError('ILLEGAL_TRANSITION', { message: message ?? stateMessages[current] });
}
