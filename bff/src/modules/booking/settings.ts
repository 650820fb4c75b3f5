import type { PrismaClient } from '@govpocket/db';
import { z } from 'zod';
import { cachedSettings, readSettingRows, settingValue, type CachedSettings, type SettingSpec } from '../../platform/settings';

/**
 * The booking rules of domain.md §2, read from the Setting table (an admin changes them without a
 * deploy) with the domain defaults when a row is missing or malformed. One reader for every
 * service and job; each process keeps the values for a few seconds so a booking storm does not
 * read the table per request.
 */
export type BookingSettings = {
  daysAhead: number;
  sameDayCloseMinutes: number;
  cancelBeforeMinutes: number;
  maxActiveBookings: number;
  noShowGraceMinutes: number;
  noShowLimit: number;
  noShowWindowDays: number;
  noShowPauseDays: number;
  reminderDayBeforeAt: string;
  reminderMinutesBefore: number;
  slotMinutes: number;
  maxFilesPerMaterial: number;
  /** Pre-review photos are deleted this many days after the visit. */
  photoRetentionDays: number;
  ratingWindowDays: number;
  followUpWorkingDays: number;
};

const count = z.number().int().min(0).max(10_000);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const keys = {
  daysAhead: ['booking.daysAhead', count, 7],
  sameDayCloseMinutes: ['booking.sameDayCloseMinutes', count, 60],
  cancelBeforeMinutes: ['booking.cancelBeforeMinutes', count, 60],
  maxActiveBookings: ['booking.maxActiveBookings', count, 3],
  noShowGraceMinutes: ['booking.noShowGraceMinutes', count, 15],
  noShowLimit: ['booking.noShowLimit', count, 3],
  noShowWindowDays: ['booking.noShowWindowDays', count, 90],
  noShowPauseDays: ['booking.noShowPauseDays', count, 30],
  reminderDayBeforeAt: ['booking.reminderDayBeforeAt', time, '18:00'],
  reminderMinutesBefore: ['booking.reminderMinutesBefore', count, 60],
  slotMinutes: ['booking.slotMinutes', count, 30],
  maxFilesPerMaterial: ['preReview.maxFilesPerMaterial', count, 3],
  photoRetentionDays: ['preReview.photoRetentionDays', count, 90],
  ratingWindowDays: ['rating.windowDays', count, 7],
  followUpWorkingDays: ['rating.followUpWorkingDays', count, 15],
} as const satisfies Record<keyof BookingSettings, readonly [string, z.ZodType, number | string]>;

export const bookingSettingKeys: string[] = Object.values(keys).map(([key]) => key);

export function parseBookingSettings(values: ReadonlyMap<string, unknown>): BookingSettings {
  const read = <T>(spec: SettingSpec<T>): T => settingValue(values, spec);
  return {
    daysAhead: read(keys.daysAhead),
    sameDayCloseMinutes: read(keys.sameDayCloseMinutes),
    cancelBeforeMinutes: read(keys.cancelBeforeMinutes),
    maxActiveBookings: Math.max(1, read(keys.maxActiveBookings)),
    noShowGraceMinutes: read(keys.noShowGraceMinutes),
    noShowLimit: Math.max(1, read(keys.noShowLimit)),
    noShowWindowDays: read(keys.noShowWindowDays),
    noShowPauseDays: read(keys.noShowPauseDays),
    reminderDayBeforeAt: read(keys.reminderDayBeforeAt),
    reminderMinutesBefore: read(keys.reminderMinutesBefore),
    slotMinutes: Math.max(5, read(keys.slotMinutes)),
    maxFilesPerMaterial: read(keys.maxFilesPerMaterial),
    photoRetentionDays: Math.max(1, read(keys.photoRetentionDays)),
    ratingWindowDays: read(keys.ratingWindowDays),
    followUpWorkingDays: read(keys.followUpWorkingDays),
  };
}

export type BookingSettingsReader = CachedSettings<BookingSettings>;

export function createBookingSettingsReader(prisma: PrismaClient, { ttlMs = 5000, clock }: { ttlMs?: number; clock?: () => number } = {}): BookingSettingsReader {
  return cachedSettings(() => readSettingRows(prisma, bookingSettingKeys).then(parseBookingSettings), { ttlMs, clock });
}
