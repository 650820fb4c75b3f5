import type { AppointmentStatus, Prisma } from '@govpocket/db';
import { appointmentStatusLabels, type Role } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { appendAppointmentEvent, lockAppointmentStatus, updateAppointmentStatus } from './repository';

/**
 * The appointment workflow: BOOKED → CHECKED_IN → CALLED → SERVING → COMPLETED, BOOKED → CANCELLED,
 * BOOKED → NO_SHOW (and a called resident who never comes to the window), transfers between
 * windows. Each action names the states it may start from; the row is locked (SELECT … FOR UPDATE) and
 * checked first, so two staff members (or a worker and a resident) racing on one appointment cannot
 * both win. The event row and the audit row go into the same transaction.
 */
export type AppointmentAction = 'CHECK_IN' | 'CALL' | 'SERVE' | 'COMPLETE' | 'NO_SHOW' | 'TRANSFER' | 'CANCEL' | 'HALL_CANCEL' | 'RESCHEDULE' | 'HALL_MOVE';

type Transition = { from: readonly AppointmentStatus[]; to: AppointmentStatus; label: string };

export const transitions: Record<AppointmentAction, Transition> = {
  CHECK_IN: { from: ['BOOKED'], to: 'CHECKED_IN', label: '签到' },
  CALL: { from: ['CHECKED_IN'], to: 'CALLED', label: '叫号' },
  SERVE: { from: ['CALLED'], to: 'SERVING', label: '开始办理' },
  COMPLETE: { from: ['SERVING'], to: 'COMPLETED', label: '办结' },
  NO_SHOW: { from: ['BOOKED', 'CALLED'], to: 'NO_SHOW', label: '标记未到场' },
  TRANSFER: { from: ['CALLED', 'SERVING'], to: 'CALLED', label: '转窗口' },
  CANCEL: { from: ['BOOKED'], to: 'CANCELLED', label: '取消预约' },
  HALL_CANCEL: { from: ['BOOKED', 'CHECKED_IN'], to: 'CANCELLED', label: '取消预约' },
  RESCHEDULE: { from: ['BOOKED'], to: 'BOOKED', label: '改约' },
  HALL_MOVE: { from: ['BOOKED'], to: 'BOOKED', label: '调整预约时段' },
};

const terminal: readonly AppointmentStatus[] = ['COMPLETED', 'CANCELLED', 'NO_SHOW'];

export function illegalTransition(action: AppointmentAction, status: AppointmentStatus): AppError {
  return new AppError('ILLEGAL_TRANSITION', {
    message: `该预约当前为「${appointmentStatusLabels[status]}」，不能${transitions[action].label}`,
    details: { status, action },
  });
}

export type Actor = { type: 'RESIDENT' | 'STAFF' | 'SYSTEM'; userId: string | null; role: Role | null };

export type ApplyTransitionInput = {
  appointmentId: string;
  action: AppointmentAction;
  actor: Actor;
  /** Extra columns to set with the status (times, window, cancellation fields …). */
  patch?: Prisma.AppointmentUncheckedUpdateManyInput;
  reason?: string;
  data?: Prisma.InputJsonValue;
  requestId?: string;
};

export async function applyTransition(tx: Prisma.TransactionClient, input: ApplyTransitionInput): Promise<{ from: AppointmentStatus; to: AppointmentStatus }> {
  const { appointmentId, action, actor } = input;
  const rule = transitions[action];
  // The row lock makes the check and the change one step against every other actor.
  const current = await lockAppointmentStatus(tx, appointmentId);
  if (!current) throw new AppError('NOT_FOUND', { message: '预约不存在' });
  if (!rule.from.includes(current.status)) throw illegalTransition(action, current.status);
  // Leaving the active states frees the one-per-day key and the seat among the resident's bookings.
  const release = terminal.includes(rule.to) ? { activeDayKey: null, activeSeat: null } : {};
  await updateAppointmentStatus(tx, { id: appointmentId, data: { ...input.patch, ...release, status: rule.to } });
  await appendAppointmentEvent(tx, {
    appointmentId, fromStatus: current.status, toStatus: rule.to, actorType: actor.type, actorUserId: actor.userId, reason: input.reason,
    data: input.data ?? { action },
  });
  await writeAudit(tx, {
    actorUserId: actor.userId, actorRole: actor.role, action: `APPOINTMENT_${action}`, entityType: 'Appointment', entityId: appointmentId,
    before: { status: current.status }, after: { status: rule.to }, reason: input.reason, requestId: input.requestId,
  });
  return { from: current.status, to: rule.to };
}
