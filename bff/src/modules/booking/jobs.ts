import type Redis from 'ioredis';
import type { PrismaClient } from '@govpocket/db';
import { addLocalDays, atLocalTime, localDateOf } from '../calendar/shanghai-time';
import { createCalendarService } from '../calendar/service';
import { enqueueNotification, type ScheduledJob } from '../notification';
import { appointmentLink } from './book-appointment';
import type { ContentSafetyDeps } from '../content-safety/service';
import { toDbDate } from './dates';
import { recheckPendingRatingTexts } from './rating-service';
import { markNoShows } from './no-show';
import { listUnremindedOn, listUnremindedStartingBetween, reminderDedupeKey, type ReminderTarget } from './reminder-repository';
import { createBookingSettingsReader, type BookingSettingsReader } from './settings';
import { generateSlots, type SlotGenerationDeps } from './slot-generation';
import { inTransaction } from '../../platform/db/transaction';
import { deleteStoredBytes, markUploadsRemoved, type FileStorage } from '../files';
import { listExpiredPreReviewPhotos, markPreReviewPhotosRemoved } from './pre-review-repository';

/**
 * The booking module's recurring work, run once across the fleet by BullMQ job schedulers. The
 * handlers are plain functions of (deps, { now }) so tests drive them with a fixed clock; each is
 * idempotent (unique slot keys, conditional transitions, notification dedupe keys).
 */
export { generateSlots, markNoShows };

export type ReminderReport = { dayBefore: number; soon: number };

export async function sendReminders(deps: { prisma: PrismaClient; settings: BookingSettingsReader }, { now }: { now: Date }): Promise<ReminderReport> {
  const settings = await deps.settings.read();
  const today = localDateOf(now);
  const report: ReminderReport = { dayBefore: 0, soon: 0 };
  const remind = async (rows: ReminderTarget[], tag: string, remark?: string): Promise<number> => {
    let sent = 0;
    for (const row of rows) {
      const { isCreated } = await inTransaction(deps.prisma, (tx) => enqueueNotification(tx, {
        userId: row.residentId,
        event: 'BOOKING_REMINDER',
        payload: { appointmentId: row.id, itemName: row.item.name, hallName: row.hall.name, slotStart: row.startsAt, remark, link: appointmentLink(row.id) },
        dedupeKey: reminderDedupeKey({ appointmentId: row.id, slotId: row.slotId, tag }),
      }));
      if (isCreated) sent += 1;
    }
    return sent;
  };
  if (now.getTime() >= atLocalTime(today, settings.reminderDayBeforeAt).getTime()) {
    report.dayBefore = await remind(await listUnremindedOn(deps.prisma, { date: toDbDate(addLocalDays(today, 1)), tag: 'D-1' }), 'D-1');
  }
  const soonTag = `T-${settings.reminderMinutesBefore}`;
  const soon = await listUnremindedStartingBetween(deps.prisma, { from: now, to: new Date(now.getTime() + settings.reminderMinutesBefore * 60_000), tag: soonTag });
  report.soon = await remind(soon, soonTag, '即将开始，请提前到场签到');
  return report;
}

export type PhotoRetentionReport = { removed: number; failedDeletes: number };

/**
 * Pre-review photos are personal data kept only as long as needed: `preReview.photoRetentionDays`
 * (default 90) after the visit ends, the bytes leave storage and the rows say so, so staff and
 * the resident read that the photo was removed after the retention period. The rows are marked
 * before the bytes go: from then on no URL serves them, and a failed delete leaves only dead bytes.
 */
export async function removeExpiredPreReviewPhotos(
  deps: { prisma: PrismaClient; settings: BookingSettingsReader; storage: FileStorage },
  { now, batchSize = 200 }: { now: Date; batchSize?: number },
): Promise<PhotoRetentionReport> {
  const settings = await deps.settings.read();
  const endedBefore = new Date(now.getTime() - settings.photoRetentionDays * 24 * 3600_000);
  const report: PhotoRetentionReport = { removed: 0, failedDeletes: 0 };
  for (;;) {
    const rows = await listExpiredPreReviewPhotos(deps.prisma, { endedBefore, limit: batchSize });
    if (rows.length === 0) break;
    const storageKeys = [...new Set(rows.map((row) => row.storageKey))];
    await inTransaction(deps.prisma, async (tx) => {
      await markPreReviewPhotosRemoved(tx, { ids: rows.map((row) => row.id), reason: 'RETENTION', at: now });
      await markUploadsRemoved(tx, { storageKeys, reason: 'RETENTION', at: now });
    });
    report.removed += rows.length;
    report.failedDeletes += (await deleteStoredBytes(deps.storage, storageKeys)).failed.length;
    if (rows.length < batchSize) break;
  }
  return report;
}

export function bookingScheduledJobs({ prisma, redis, keyPrefix, storage, contentSafety, now = () => new Date() }: { prisma: PrismaClient; redis: Redis; keyPrefix: string; storage: FileStorage; contentSafety?: ContentSafetyDeps; now?: () => Date }): ScheduledJob[] {
  const deps: SlotGenerationDeps = { prisma, calendar: createCalendarService({ prisma, redis, keyPrefix }), settings: createBookingSettingsReader(prisma) };
  return [
    {
      name: 'booking-pre-review-photo-retention',
      every: 60 * 60_000,
      handler: async ({ logger }) => {
        const report = await removeExpiredPreReviewPhotos({ prisma, settings: deps.settings, storage }, { now: now() });
        if (report.removed > 0 || report.failedDeletes > 0) logger.info(report, 'expired pre-review photos removed');
      },
    },
    {
      name: 'booking-slot-generation',
      every: 10 * 60_000,
      handler: async ({ logger }) => {
        const report = await generateSlots(deps, { now: now() });
        if (report.created > 0 || report.removed > 0) logger.info(report, 'booking slots generated');
      },
    },
    {
      name: 'booking-no-shows',
      every: 60_000,
      handler: async ({ logger }) => {
        const report = await markNoShows(deps, { now: now() });
        if (report.markedNoShow > 0) logger.info(report, 'no-shows marked');
      },
    },
    {
      name: 'booking-reminders',
      every: 60_000,
      handler: async () => {
        await sendReminders(deps, { now: now() });
      },
    },
    ...(contentSafety
      ? [{
          name: 'rating-text-recheck',
          every: 5 * 60_000,
          handler: async () => {
            await recheckPendingRatingTexts({ prisma, contentSafety });
          },
        }]
      : []),
  ];
}
