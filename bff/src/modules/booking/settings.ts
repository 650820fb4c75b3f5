import type { PrismaClient } from '@govpocket/db';
import { createSettingsReader, type CachedSettings, type SettingsOf } from '../../platform/settings';

/**
 * The booking rules of domain.md §2, read from the Setting table (keys, ranges and defaults in the
 * registry, shared/src/settings-registry.ts). One reader for every service and job; each process
 * keeps the values for a few seconds so a booking storm does not read the table per request.
 */
export const bookingSettingsSpec = {
  daysAhead: 'booking.daysAhead',
  sameDayCloseMinutes: 'booking.sameDayCloseMinutes',
  cancelBeforeMinutes: 'booking.cancelBeforeMinutes',
  maxActiveBookings: 'booking.maxActiveBookings',
  noShowGraceMinutes: 'booking.noShowGraceMinutes',
  noShowLimit: 'booking.noShowLimit',
  noShowWindowDays: 'booking.noShowWindowDays',
  noShowPauseDays: 'booking.noShowPauseDays',
  reminderDayBeforeAt: 'booking.reminderDayBeforeAt',
  reminderMinutesBefore: 'booking.reminderMinutesBefore',
  slotMinutes: 'booking.slotMinutes',
  maxFilesPerMaterial: 'preReview.maxFilesPerMaterial',
  /** Pre-review photos are deleted this many days after the visit. */
  photoRetentionDays: 'preReview.photoRetentionDays',
  ratingWindowDays: 'rating.windowDays',
  followUpWorkingDays: 'rating.followUpWorkingDays',
} as const;

export type BookingSettings = SettingsOf<typeof bookingSettingsSpec>;
export type BookingSettingsReader = CachedSettings<BookingSettings>;

export function createBookingSettingsReader(prisma: PrismaClient, { ttlMs = 5000, clock }: { ttlMs?: number; clock?: () => number } = {}): BookingSettingsReader {
  return createSettingsReader(prisma, bookingSettingsSpec, { ttlMs, clock });
}
