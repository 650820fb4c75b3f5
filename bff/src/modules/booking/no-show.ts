import type { Prisma } from '@govpocket/db';
import { pageLinks } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { enqueueNotification } from '../notification';
import type { BookingDeps } from './deps';
import { countNoShowsSince, hasPauseCovering, insertPause, listOverdueBookings } from './no-show-repository';
import type { BookingSettings } from './settings';
import { inTransaction } from '../../platform/db/transaction';
import { applyTransition, type ApplyTransitionInput } from './transitions';

/**
 * No-shows: a booking never checked in by 15 minutes after its slot ends becomes NO_SHOW (the
 * scheduled job below); the 3rd no-show within 90 days pauses booking for 30 days, with the reason
 * and the end date told to the resident. Both in the transaction of the no-show itself.
 */
export async function pauseAfterNoShow(tx: Prisma.TransactionClient, { residentId, now, settings }: { residentId: string; now: Date; settings: BookingSettings }): Promise<boolean> {
  const since = new Date(now.getTime() - settings.noShowWindowDays * 86_400_000);
  const noShows = await countNoShowsSince(tx, { residentId, since });
  if (noShows < settings.noShowLimit || (await hasPauseCovering(tx, { userId: residentId, at: now }))) return false;
  const pausedUntil = new Date(now.getTime() + settings.noShowPauseDays * 86_400_000);
  const reason = `${settings.noShowWindowDays}天内预约未到场${noShows}次`;
  const pauseId = await insertPause(tx, { userId: residentId, reason, noShowCount: noShows, pausedFrom: now, pausedUntil });
  await writeAudit(tx, { actorUserId: null, actorRole: null, action: 'BOOKING_PAUSED', entityType: 'BookingPause', entityId: pauseId, after: { userId: residentId, pausedUntil: pausedUntil.toISOString(), reason } });
  await enqueueNotification(tx, { userId: residentId, event: 'BOOKING_PAUSED', payload: { pausedUntil, reason, link: pageLinks.appointments() }, dedupeKey: `BOOKING_PAUSED:${pauseId}` });
  return true;
}

export type NoShowReport = { markedNoShow: number; paused: number };

/** Scheduled job handler (and called by tests with their own clock). Safe to run concurrently. */
export async function markNoShows(deps: Pick<BookingDeps, 'prisma' | 'settings'>, { now, batchSize = 200 }: { now: Date; batchSize?: number }): Promise<NoShowReport> {
  const settings = await deps.settings.read();
  const endedBefore = new Date(now.getTime() - settings.noShowGraceMinutes * 60_000);
  const report: NoShowReport = { markedNoShow: 0, paused: 0 };
  for (;;) {
    const due = await listOverdueBookings(deps.prisma, { endedBefore, limit: batchSize });
    if (due.length === 0) return report;
    for (const booking of due) {
      const transition: ApplyTransitionInput = {
        appointmentId: booking.id, action: 'NO_SHOW', actor: { type: 'SYSTEM', userId: null, role: null }, reason: `时段结束${settings.noShowGraceMinutes}分钟后仍未签到`, patch: { noShowAt: now },
      };
      const isPaused = await inTransaction(deps.prisma, async (tx) => {
        await applyTransition(tx, transition);
        return pauseAfterNoShow(tx, { residentId: booking.residentId, now, settings });
      }).catch((error: unknown) => {
        // Checked in (or cancelled) meanwhile: the row moved on, nothing to do.
        if (error instanceof AppError && error.code === 'ILLEGAL_TRANSITION') return null;
        throw error;
      });
      if (isPaused === null) continue;
      report.markedNoShow += 1;
      if (isPaused) report.paused += 1;
    }
    if (due.length < batchSize) return report;
  }
}
