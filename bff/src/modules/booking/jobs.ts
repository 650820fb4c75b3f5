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

export function bookingScheduledJobs({ prisma, redis, keyPrefix, contentSafety, now = () => new Date() }: { prisma: PrismaClient; redis: Redis; keyPrefix: string; contentSafety?: ContentSafetyDeps; now?: () => Date }): ScheduledJob[] {
  const deps: SlotGenerationDeps = { prisma, calendar: createCalendarService({ prisma, redis, keyPrefix }), settings: createBookingSettingsReader(prisma) };
  return [
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
