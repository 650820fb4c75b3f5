import { calendarDateSchema } from '@govpocket/shared';
import type { Prisma } from '@govpocket/db';
import type { CallNextResponse, SessionUser, StaffAppointment, StaffDayResponse } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { localDateOf, isLocalDate } from '../calendar/shanghai-time';
import { enqueueNotification } from '../notification';
import { appointmentLink } from './book-appointment';
import { qrPayloadPrefix, tripNumberOf } from './appointment-view';
import { toDbDate } from './dates';
import type { BookingDeps } from './deps';
import { pauseAfterNoShow } from './no-show';
import { findCallNotice } from './repository';
import {
  countWaiting,
  findByCheckInCode,
  findHallAppointment,
  findHallWindow,
  findQueuePrefix,
  listHallDay,
  lockNextWaiting,
  nextQueueNumber,
  setAppointmentQueueNumber,
  type StaffAppointmentRow,
} from './staff-repository';
import { toStaffAppointment } from './staff-view';
import { inTransaction } from '../../platform/db/transaction';
import { applyTransition, illegalTransition, type Actor } from './transitions';

/** 今日: the window staff's workflow on one hall — check-in, call, serve, complete, no-show, transfer. */
type StaffInput = { staff: SessionUser; hallId: string; requestId: string };

const staffActor = (staff: SessionUser): Actor => ({ type: 'STAFF', userId: staff.id, role: staff.roles.some((role) => role.role === 'WINDOW_STAFF') ? 'WINDOW_STAFF' : 'ADMIN' });

export async function staffView(deps: BookingDeps, row: StaffAppointmentRow): Promise<StaffAppointment> {
  return toStaffAppointment(row, await tripNumberOf(deps.prisma, row));
}

async function reload(deps: BookingDeps, { id, hallId }: { id: string; hallId: string }): Promise<StaffAppointment> {
  const row = await findHallAppointment(deps.prisma, { id, hallId });
  if (!row) throw new AppError('NOT_FOUND', { message: '预约不存在' });
  return staffView(deps, row);
}

async function requireHallAppointment(deps: BookingDeps, { id, hallId }: { id: string; hallId: string }): Promise<StaffAppointmentRow> {
  const row = await findHallAppointment(deps.prisma, { id, hallId });
  if (!row) throw new AppError('NOT_FOUND', { message: '本大厅没有这个预约' });
  return row;
}

export async function listHallAppointments(deps: BookingDeps, { hallId, date }: { hallId: string; date?: string }): Promise<StaffDayResponse> {
  const day = date ?? localDateOf(deps.now());
  if (!isLocalDate(day) || !calendarDateSchema.safeParse(day).success) throw new AppError('VALIDATION_FAILED', { message: '日期格式应为 YYYY-MM-DD，年份应在 2000 至 2100 之间' });
  const slots = await listHallDay(deps.prisma, { hallId, date: toDbDate(day) });
  return {
    hallId,
    date: day,
    slots: await Promise.all(slots.map(async (slot) => ({
      slotId: slot.id, startTime: slot.startTime, endTime: slot.endTime, itemGroup: slot.itemGroup, capacity: slot.capacity, bookedCount: slot.bookedCount, isClosed: slot.isClosed,
      appointments: await Promise.all(slot.appointments.map((row) => staffView(deps, row))),
    }))),
    waitingCount: await countWaiting(deps.prisma, { hallId, date: toDbDate(day) }),
  };
}

/** The 6-digit code typed at the window, or the QR payload scanned from the resident's phone. */
export async function checkIn(deps: BookingDeps, { staff, hallId, code, requestId }: StaffInput & { code: string }): Promise<StaffAppointment> {
  const today = localDateOf(deps.now());
  const row = await findByCode(deps, { hallId, code, today });
  if (!row) throw new AppError('NOT_FOUND', { message: '签到码无效，或不是本大厅的预约' });
  if (row.status !== 'BOOKED') throw illegalTransition('CHECK_IN', row.status);
  if (localDateOf(row.startsAt) !== today) throw new AppError('BOOKING_NOT_ALLOWED', { message: `该预约不是今天的（预约日期 ${localDateOf(row.startsAt)}），请在预约当天签到` });
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    await applyTransition(tx, { appointmentId: row.id, action: 'CHECK_IN', actor: staffActor(staff), requestId, patch: { checkedInAt: now } });
    const prefix = await findQueuePrefix(tx, { itemId: row.itemId, hallId });
    const number = await nextQueueNumber(tx, { hallId, date: row.date, prefix });
    await setAppointmentQueueNumber(tx, { id: row.id, queueNumber: `${prefix}${String(number).padStart(3, '0')}` });
  });
  return reload(deps, { id: row.id, hallId });
}

async function findByCode(deps: BookingDeps, { hallId, code, today }: { hallId: string; code: string; today: string }): Promise<StaffAppointmentRow | null> {
  if (code.startsWith(qrPayloadPrefix)) {
    const [appointmentId, checkInCode] = code.slice(qrPayloadPrefix.length).split(':');
    if (!appointmentId || !checkInCode) return null;
    const row = await findHallAppointment(deps.prisma, { id: appointmentId, hallId });
    return row && row.checkInCode === checkInCode ? row : null;
  }
  if (!/^\d{6}$/.test(code)) throw new AppError('VALIDATION_FAILED', { message: '请输入6位数字签到码' });
  return findByCheckInCode(deps.prisma, { hallId, date: toDbDate(today), code });
}

export async function callNext(deps: BookingDeps, { staff, hallId, windowId, requestId }: StaffInput & { windowId: string }): Promise<CallNextResponse> {
  const window = await findHallWindow(deps.prisma, { id: windowId, hallId });
  if (!window || !window.isActive) throw new AppError('NOT_FOUND', { message: '本大厅没有这个窗口' });
  const now = deps.now();
  const calledId = await inTransaction(deps.prisma, async (tx) => {
    const id = await lockNextWaiting(tx, { hallId, date: toDbDate(localDateOf(now)), windowId });
    if (!id) return null;
    await applyTransition(tx, { appointmentId: id, action: 'CALL', actor: staffActor(staff), requestId, patch: { calledAt: now, calledWindowId: window.id }, data: { action: 'CALL', windowId } });
    await notifyCalled(tx, { appointmentId: id, windowName: window.name, calledAt: now });
    return id;
  });
  if (!calledId) return { appointment: null, message: '当前没有等候办理的群众' };
  return { appointment: await reload(deps, { id: calledId, hallId }), message: null };
}

async function notifyCalled(tx: Prisma.TransactionClient, { appointmentId, windowName, calledAt }: { appointmentId: string; windowName: string; calledAt: Date }): Promise<void> {
  const row = await findCallNotice(tx, appointmentId);
  await enqueueNotification(tx, {
    userId: row.residentId,
    event: 'BOOKING_CALLED',
    payload: { appointmentId, itemName: row.item.name, ticketNo: row.queueNumber ?? '', windowName, calledAt, link: appointmentLink(appointmentId) },
    dedupeKey: `BOOKING_CALLED:${appointmentId}:${calledAt.getTime()}:${windowName}`,
  });
}

export async function serveAppointment(deps: BookingDeps, { staff, hallId, appointmentId, requestId }: StaffInput & { appointmentId: string }): Promise<StaffAppointment> {
  await requireHallAppointment(deps, { id: appointmentId, hallId });
  await inTransaction(deps.prisma, (tx) => applyTransition(tx, { appointmentId, action: 'SERVE', actor: staffActor(staff), requestId, patch: { servingStartedAt: deps.now() } }));
  return reload(deps, { id: appointmentId, hallId });
}

/** Completes the visit; a visit that does not finish the case (补正 needed) leaves actualTrips open. */
export async function completeAppointment(
  deps: BookingDeps,
  { staff, hallId, appointmentId, isCaseFinished, note, requestId }: StaffInput & { appointmentId: string; isCaseFinished: boolean; note?: string },
): Promise<StaffAppointment> {
  const row = await requireHallAppointment(deps, { id: appointmentId, hallId });
  const trips = await tripNumberOf(deps.prisma, row);
  await inTransaction(deps.prisma, async (tx) => {
    await applyTransition(tx, {
      appointmentId, action: 'COMPLETE', actor: staffActor(staff), requestId, reason: note,
      patch: { completedAt: deps.now(), actualTrips: isCaseFinished ? trips : null }, data: { action: 'COMPLETE', isCaseFinished, trip: trips },
    });
    await enqueueNotification(tx, {
      userId: row.residentId, event: 'RATING_REQUEST',
      payload: { appointmentId, itemName: row.item.name, hallName: row.hall.name, link: appointmentLink(appointmentId) },
      dedupeKey: `RATING_REQUEST:${appointmentId}`,
    });
  });
  return reload(deps, { id: appointmentId, hallId });
}

export async function markNoShow(deps: BookingDeps, { staff, hallId, appointmentId, requestId }: StaffInput & { appointmentId: string }): Promise<StaffAppointment> {
  const row = await requireHallAppointment(deps, { id: appointmentId, hallId });
  const now = deps.now();
  if (row.status === 'BOOKED' && row.startsAt.getTime() > now.getTime()) throw new AppError('ILLEGAL_TRANSITION', { message: '预约时段尚未开始，不能标记未到场' });
  const settings = await deps.settings.read();
  await inTransaction(deps.prisma, async (tx) => {
    await applyTransition(tx, { appointmentId, action: 'NO_SHOW', actor: staffActor(staff), requestId, patch: { noShowAt: now } });
    await pauseAfterNoShow(tx, { residentId: row.residentId, now, settings });
  });
  return reload(deps, { id: appointmentId, hallId });
}

export async function transferAppointment(deps: BookingDeps, { staff, hallId, appointmentId, windowId, requestId }: StaffInput & { appointmentId: string; windowId: string }): Promise<StaffAppointment> {
  const row = await requireHallAppointment(deps, { id: appointmentId, hallId });
  const window = await findHallWindow(deps.prisma, { id: windowId, hallId });
  if (!window || !window.isActive) throw new AppError('NOT_FOUND', { message: '本大厅没有这个窗口' });
  if (row.calledWindow?.id === window.id) throw new AppError('ILLEGAL_TRANSITION', { message: '已经在该窗口办理，无需转窗口' });
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    await applyTransition(tx, { appointmentId, action: 'TRANSFER', actor: staffActor(staff), requestId, patch: { calledWindowId: window.id, calledAt: now }, data: { action: 'TRANSFER', fromWindowId: row.calledWindow?.id ?? null, toWindowId: window.id } });
    await notifyCalled(tx, { appointmentId, windowName: window.name, calledAt: now });
  });
  return reload(deps, { id: appointmentId, hallId });
}
