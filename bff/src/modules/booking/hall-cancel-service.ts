import { calendarDateSchema } from '@govpocket/shared';
import type { HallCancelResponse, SessionUser } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { isLocalDate } from '../calendar/shanghai-time';
import { enqueueNotification } from '../notification';
import { appointmentLink } from './book-appointment';
import { toDbDate } from './dates';
import type { BookingDeps } from './deps';
import { closeSlots, findHallAppointmentStatus, findHallSlot, listCancellable } from './hall-cancel-repository';
import { giveBackSeat } from './repository';
import { seatMember } from './reservation';
import { inTransaction } from '../../platform/db/transaction';
import { applyTransition, illegalTransition } from './transitions';

/**
 * The hall cancels one booking, a whole slot or a whole day, with a reason. Every affected
 * resident is notified (BOOKING_CANCELLED_BY_HALL) in the same transaction; a cancelled slot or
 * day is closed so nobody books it again.
 */
export type HallCancelTarget = { kind: 'APPOINTMENT'; appointmentId: string } | { kind: 'SLOT'; slotId: string } | { kind: 'DAY'; date: string };

export async function cancelByHall(
  deps: BookingDeps,
  { staff, hallId, target, reason, requestId }: { staff: SessionUser; hallId: string; target: HallCancelTarget; reason: string; requestId: string },
): Promise<HallCancelResponse> {
  const where = await scopeOf(deps, hallId, target);
  const bookings = await listCancellable(deps.prisma, where);
  if (target.kind === 'APPOINTMENT' && bookings.length === 0) {
    const row = await findHallAppointmentStatus(deps.prisma, { id: target.appointmentId, hallId });
    if (!row) throw new AppError('NOT_FOUND', { message: '本大厅没有这个预约' });
    throw illegalTransition('HALL_CANCEL', row.status);
  }
  const now = deps.now();
  const actorRole = staff.roles.some((role) => role.role === 'WINDOW_STAFF') ? 'WINDOW_STAFF' : 'ADMIN';
  const afterCommit = await inTransaction(deps.prisma, async (tx) => {
    if (target.kind !== 'APPOINTMENT') await closeSlots(tx, where);
    for (const booking of bookings) {
      await applyTransition(tx, {
        appointmentId: booking.id, action: 'HALL_CANCEL', actor: { type: 'STAFF', userId: staff.id, role: actorRole }, reason, requestId,
        patch: { cancelledAt: now, cancelledBy: 'HALL', cancelledByUserId: staff.id, cancelReason: reason },
      });
      await giveBackSeat(tx, booking.slotId);
      await enqueueNotification(tx, {
        userId: booking.residentId,
        event: 'BOOKING_CANCELLED_BY_HALL',
        payload: { appointmentId: booking.id, itemName: booking.item.name, hallName: booking.hall.name, slotStart: booking.startsAt, reason, link: appointmentLink(booking.id) },
        dedupeKey: `BOOKING_CANCELLED_BY_HALL:${booking.id}`,
      });
    }
    await writeAudit(tx, {
      actorUserId: staff.id, actorRole, action: `HALL_CANCEL_${target.kind}`, entityType: target.kind === 'DAY' ? 'HallDay' : target.kind === 'SLOT' ? 'Slot' : 'Appointment',
      entityId: target.kind === 'DAY' ? `${hallId}:${target.date}` : target.kind === 'SLOT' ? target.slotId : target.appointmentId,
      after: { cancelled: bookings.map((booking) => booking.id) }, reason, requestId,
    });
    // Paid fees of the cancelled cases are refunded in full, decided in this same transaction.
    return deps.onHallCancel?.(tx, { appointmentIds: bookings.map((booking) => booking.id), staff, reason, requestId, now });
  });
  await afterCommit?.();
  for (const booking of bookings) await deps.gate.release(booking.slotId, seatMember(booking.residentId, booking.itemId));
  return { cancelledCount: bookings.length, appointmentIds: bookings.map((booking) => booking.id) };
}

async function scopeOf(deps: BookingDeps, hallId: string, target: HallCancelTarget): Promise<{ hallId: string; id?: string; slotId?: string; date?: Date }> {
  if (target.kind === 'APPOINTMENT') return { hallId, id: target.appointmentId };
  if (target.kind === 'SLOT') {
    if (!(await findHallSlot(deps.prisma, { id: target.slotId, hallId }))) throw new AppError('NOT_FOUND', { message: '本大厅没有这个时段' });
    return { hallId, slotId: target.slotId };
  }
  if (!isLocalDate(target.date) || !calendarDateSchema.safeParse(target.date).success) throw new AppError('VALIDATION_FAILED', { message: '日期格式应为 YYYY-MM-DD，年份应在 2000 至 2100 之间' });
  return { hallId, date: toDbDate(target.date) };
}
