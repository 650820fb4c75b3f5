import type { SessionUser, TripStatsResponse } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { assertTargetBookable, moveToSlot } from './change-appointment';
import { findChangeableInHall } from './change-repository';
import type { BookingDeps } from './deps';
import { findSlot } from './repository';
import { listHallWindows, tripStats } from './staff-repository';
import { illegalTransition } from './transitions';

/** Hall-level views and actions: windows, trips per item, moving a booking a schedule change affected. */
export async function listWindows(deps: BookingDeps, { hallId }: { hallId: string }) {
  return { windows: await listHallWindows(deps.prisma, hallId) };
}

/** Actual on-site trips of finished cases per item, against the trips the guide promises. */
export async function getTripStats(deps: BookingDeps, { hallId }: { hallId: string }): Promise<TripStatsResponse> {
  const rows = await tripStats(deps.prisma, hallId);
  return {
    items: rows.map((row) => ({
      itemCode: row.code,
      itemName: row.name,
      promisedTrips: Number(row.promisedTrips),
      completedCases: Number(row.cases),
      averageTrips: Math.round(Number(row.averageTrips ?? 0) * 100) / 100,
      casesOverPromise: Number(row.overPromise ?? 0),
    })),
  };
}

export async function moveByHall(
  deps: BookingDeps,
  { staff, hallId, appointmentId, slotId, reason, requestId }: { staff: SessionUser; hallId: string; appointmentId: string; slotId: string; reason: string; requestId: string },
): Promise<void> {
  const appointment = await findChangeableInHall(deps.prisma, { id: appointmentId, hallId });
  if (!appointment) throw new AppError('NOT_FOUND', { message: '本大厅没有这个预约' });
  if (appointment.status !== 'BOOKED') throw illegalTransition('HALL_MOVE', appointment.status);
  const target = await findSlot(deps.prisma, slotId);
  if (!target || target.hallId !== hallId) throw new AppError('NOT_FOUND', { message: '本大厅没有这个时段' });
  if (target.id === appointment.slotId) throw new AppError('BOOKING_NOT_ALLOWED', { message: '新时段与原时段相同' });
  await assertTargetBookable(deps, { appointment, target });
  const actorRole = staff.roles.some((role) => role.role === 'WINDOW_STAFF') ? 'WINDOW_STAFF' : 'ADMIN';
  await moveToSlot(deps, { appointment, target, actor: { type: 'STAFF', userId: staff.id, role: actorRole }, action: 'HALL_MOVE', requestId, reason, remark: `大厅调整了您的预约时间（${reason}），请按新时间到场` });
}
