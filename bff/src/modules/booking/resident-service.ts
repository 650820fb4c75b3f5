import type { AppointmentDetail, AppointmentListResponse, BookingStatusResponse, QueuePositionResponse } from '@govpocket/shared';
import { appointmentStatusLabels } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { findAppointmentDetail, findQueueState, listResidentAppointments } from './appointment-repository';
import { aheadCountOf, toAppointmentDetail, toAppointmentSummary } from './appointment-view';
import type { BookingDeps } from './deps';
import { countActiveBookings, findActivePause } from './repository';

/** 我的预约: a resident's own appointments, their queue position and whether they may book. */
export async function getAppointment(deps: BookingDeps, { residentId, appointmentId }: { residentId: string; appointmentId: string }): Promise<AppointmentDetail> {
  const row = await findAppointmentDetail(deps.prisma, { id: appointmentId, residentId });
  if (!row) throw new AppError('NOT_FOUND', { message: '预约不存在' });
  return toAppointmentDetail(deps, row, { now: deps.now(), settings: await deps.settings.read(), viewerUserId: residentId });
}

export async function listAppointments(deps: BookingDeps, { residentId, scope }: { residentId: string; scope: 'upcoming' | 'past' }): Promise<AppointmentListResponse> {
  const rows = await listResidentAppointments(deps.prisma, { residentId, scope });
  return { items: rows.map(toAppointmentSummary) };
}

/** Two indexed reads: cheap enough for the mini-program to poll every few seconds. */
export async function getQueuePosition(deps: BookingDeps, { residentId, appointmentId }: { residentId: string; appointmentId: string }): Promise<QueuePositionResponse> {
  const row = await findQueueState(deps.prisma, { id: appointmentId, residentId });
  if (!row) throw new AppError('NOT_FOUND', { message: '预约不存在' });
  const isWaiting = row.status === 'BOOKED' || row.status === 'CHECKED_IN';
  return {
    appointmentId: row.id,
    status: row.status,
    statusLabel: appointmentStatusLabels[row.status],
    queueNumber: row.queueNumber,
    aheadCount: await aheadCountOf(deps.prisma, row),
    calledWindow: row.calledWindow && (row.status === 'CALLED' || row.status === 'SERVING') ? row.calledWindow : null,
    pollAfterSeconds: isWaiting ? 5 : 30,
  };
}

export async function getBookingStatus(deps: BookingDeps, { residentId }: { residentId: string }): Promise<BookingStatusResponse> {
  const now = deps.now();
  const [settings, pause, activeCount] = await Promise.all([deps.settings.read(), findActivePause(deps.prisma, { userId: residentId, now }), countActiveBookings(deps.prisma, residentId)]);
  const isFull = activeCount >= settings.maxActiveBookings;
  const message = pause
    ? `${pause.reason}，预约功能暂停至${new Date(pause.pausedUntil.getTime() + 8 * 3600_000).toISOString().slice(0, 10)}`
    : isFull
      ? `您已有${settings.maxActiveBookings}个未完成的预约，请办理或取消后再预约`
      : null;
  return {
    isPaused: pause !== null,
    pause: pause ? { reason: pause.reason, pausedUntil: pause.pausedUntil.toISOString(), noShowCount: pause.noShowCount } : null,
    activeCount,
    maxActive: settings.maxActiveBookings,
    canBook: message === null,
    message,
  };
}
