import { randomInt, randomUUID } from 'node:crypto';
import type { Prisma } from '@govpocket/db';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { enqueueNotification } from '../notification';
import { changeDeadline, slotClosedReason } from './availability';
import { appointmentLink } from './book-appointment';
import { findChangeable, moveAppointmentSlot, type ChangeableAppointment } from './change-repository';
import { activeDayKey, fromDbDate } from './dates';
import type { BookingDeps } from './deps';
import { findDayKeyHolder, findItemHall, findSlot, giveBackSeat, isDayKeyTaken, listSeatHolders, takeSeat, type SlotRow } from './repository';
import { seatMember } from './reservation';
import { slotFullMessage } from './seat-hold';
import { bookingWindowDates } from './schedule-plan';
import { inTransaction, isUniqueViolation } from '../../platform/db/transaction';
import { applyTransition, illegalTransition, type Actor } from './transitions';

/** A resident cancels or reschedules their own booking, until the change deadline. */
export async function cancelAppointment(deps: BookingDeps, { residentId, appointmentId, reason, requestId }: { residentId: string; appointmentId: string; reason?: string; requestId: string }): Promise<void> {
  const appointment = await requireOwn(deps, { residentId, appointmentId });
  if (appointment.status !== 'BOOKED') throw illegalTransition('CANCEL', appointment.status);
  await assertBeforeDeadline(deps, appointment, '取消');
  await inTransaction(deps.prisma, async (tx) => {
    await applyTransition(tx, {
      appointmentId, action: 'CANCEL', actor: { type: 'RESIDENT', userId: residentId, role: 'RESIDENT' }, reason, requestId,
      patch: { cancelledAt: deps.now(), cancelledBy: 'RESIDENT', cancelledByUserId: residentId, cancelReason: reason ?? '本人取消' },
    });
    await giveBackSeat(tx, appointment.slotId);
  });
  await deps.gate.release(appointment.slotId, seatMember(residentId, appointment.itemId));
}

export async function rescheduleAppointment(deps: BookingDeps, { residentId, appointmentId, slotId, requestId }: { residentId: string; appointmentId: string; slotId: string; requestId: string }): Promise<void> {
  const appointment = await requireOwn(deps, { residentId, appointmentId });
  if (appointment.status !== 'BOOKED') throw illegalTransition('RESCHEDULE', appointment.status);
  await assertBeforeDeadline(deps, appointment, '改约');
  const target = await findSlot(deps.prisma, slotId);
  if (!target) throw new AppError('NOT_FOUND', { message: '该时段不存在，请重新选择' });
  if (target.id === appointment.slotId) throw new AppError('BOOKING_NOT_ALLOWED', { message: '新时段与原时段相同' });
  await assertTargetBookable(deps, { appointment, target });
  await moveToSlot(deps, { appointment, target, actor: { type: 'RESIDENT', userId: residentId, role: 'RESIDENT' }, action: 'RESCHEDULE', requestId, remark: '改约成功，请按新时间到场' });
}

/**
 * Moves a booking between slots in one transaction: the new seat is taken and the old one given
 * back together, so the booking never holds both and never neither. The Redis gate is asked for
 * the new seat first and told about the old one only after the commit.
 */
export async function moveToSlot(
  deps: BookingDeps,
  { appointment, target, actor, action, requestId, remark, reason }: { appointment: ChangeableAppointment; target: SlotRow; actor: Actor; action: 'RESCHEDULE' | 'HALL_MOVE'; requestId: string; remark: string; reason?: string },
): Promise<void> {
  const member = seatMember(appointment.residentId, appointment.itemId);
  const gate = await deps.gate.reserve({
    slotId: target.id, member, capacity: target.capacity,
    loadMembers: async () => (await listSeatHolders(deps.prisma, target.id)).map((holder) => seatMember(holder.residentId, holder.itemId)),
  });
  if (gate === 'FULL') throw new AppError('SLOT_FULL', { message: slotFullMessage });
  try {
    await inTransaction(deps.prisma, async (tx) => {
      await applyTransition(tx, { appointmentId: appointment.id, action, actor, requestId, reason, data: { action, fromSlotId: appointment.slotId, toSlotId: target.id } });
      // Lock both slot rows in id order: two opposite moves cannot deadlock.
      const [first, second] = [appointment.slotId, target.id].sort();
      for (const slotId of [first, second]) {
        if (slotId === target.id && !(await takeSeat(tx, target.id))) throw new AppError('SLOT_FULL', { message: slotFullMessage });
        if (slotId === appointment.slotId) await giveBackSeat(tx, appointment.slotId);
      }
      await moveBooking(tx, { appointment, target });
      await enqueueNotification(tx, {
        userId: appointment.residentId,
        event: 'BOOKING_CONFIRMED',
        payload: { appointmentId: appointment.id, itemName: appointment.item.name, hallName: appointment.hall.name, slotStart: target.startsAt, bookingNo: appointment.checkInCode, remark, link: appointmentLink(appointment.id) },
        dedupeKey: `BOOKING_CONFIRMED:${appointment.id}:${randomUUID()}`,
      });
      if (actor.type === 'STAFF') {
        await writeAudit(tx, { actorUserId: actor.userId, actorRole: actor.role, action: 'APPOINTMENT_MOVED_BY_HALL', entityType: 'Appointment', entityId: appointment.id, after: { toSlotId: target.id }, reason, requestId });
      }
    });
  } catch (error) {
    if (gate === 'RESERVED') await deps.gate.release(target.id, member);
    if (error instanceof AppError && error.code === 'SLOT_FULL') await deps.gate.invalidate(target.id);
    throw error;
  }
  await deps.gate.confirm(target.id, member);
  await deps.gate.release(appointment.slotId, member);
}

async function moveBooking(tx: Prisma.TransactionClient, { appointment, target }: { appointment: ChangeableAppointment; target: SlotRow }): Promise<void> {
  const key = activeDayKey({ residentId: appointment.residentId, itemId: appointment.itemId, date: fromDbDate(target.date) });
  const isSameDay = fromDbDate(target.date) === fromDbDate(appointment.date) && target.hallId === appointment.hallId;
  if (!isSameDay && (await isDayKeyTaken(tx, key))) throw new AppError('BOOKING_NOT_ALLOWED', { message: '您当天已预约过该事项（每人每天每个事项限约一次）' });
  for (let attempt = 0; ; attempt += 1) {
    // The check-in code is unique per hall and day: keep it when both stay, draw a new one otherwise.
    const checkInCode = isSameDay && attempt === 0 ? appointment.checkInCode : String(randomInt(0, 1_000_000)).padStart(6, '0');
    try {
      await moveAppointmentSlot(tx, { id: appointment.id, slot: target, activeDayKey: key, checkInCode });
      return;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
      const holder = await findDayKeyHolder(tx, key);
      if (holder && holder !== appointment.id) {
        throw new AppError('BOOKING_NOT_ALLOWED', { message: '您当天已预约过该事项（每人每天每个事项限约一次）' });
      }
    }
  }
}

async function requireOwn(deps: BookingDeps, { residentId, appointmentId }: { residentId: string; appointmentId: string }): Promise<ChangeableAppointment> {
  const appointment = await findChangeable(deps.prisma, { id: appointmentId, residentId });
  if (!appointment) throw new AppError('NOT_FOUND', { message: '预约不存在' });
  return appointment;
}

async function assertBeforeDeadline(deps: BookingDeps, appointment: ChangeableAppointment, what: string): Promise<void> {
  const settings = await deps.settings.read();
  if (deps.now().getTime() >= changeDeadline(appointment.startsAt, settings).getTime()) {
    throw new AppError('BOOKING_NOT_ALLOWED', { message: `已超过${what}时限：须在预约时段开始前${settings.cancelBeforeMinutes}分钟${what}` });
  }
}

export async function assertTargetBookable(deps: BookingDeps, { appointment, target }: { appointment: ChangeableAppointment; target: SlotRow }): Promise<void> {
  const place = await findItemHall(deps.prisma, { itemId: appointment.itemId, hallId: target.hallId });
  if (!place || !place.hall.isActive || place.itemGroup !== target.itemGroup) throw new AppError('BOOKING_NOT_ALLOWED', { message: '该时段不办理此事项，请重新选择' });
  const now = deps.now();
  const settings = await deps.settings.read();
  const window = bookingWindowDates(await deps.calendar.current(), now, settings.daysAhead);
  if (!window.includes(fromDbDate(target.date))) throw new AppError('BOOKING_NOT_ALLOWED', { message: `只能预约今天起${settings.daysAhead}个工作日内的时段` });
  const reason = slotClosedReason(target, { now, settings });
  if (reason === 'FULL') throw new AppError('SLOT_FULL', { message: slotFullMessage });
  if (reason) throw new AppError('BOOKING_NOT_ALLOWED', { message: reason === 'CUTOFF' ? `已截止：当天预约须在时段开始前${settings.sameDayCloseMinutes}分钟完成` : '该时段不可预约，请选择其他时段' });
}
