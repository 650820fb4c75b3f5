import type Redis from 'ioredis';
import type { PrismaClient } from '@govpocket/db';
import type { RateLimiter } from '../../platform/rate-limit';
import type { AppRouter } from '../../platform/http/router';
import type { MediaChecks } from '../content-safety/media-check';
import type { ContentSafetyDeps } from '../content-safety/service';
import type { CalendarService } from '../calendar/service';
import type { FileDeps } from '../files';
import type { BookingDeps, HallCancelHook } from './deps';
import { createBookingLookups } from './lookups';
import { createSeatGate } from './reservation';
import { bookingRoutes } from './routes';
import { createBookingSettingsReader } from './settings';
import { staffBookingRoutes } from './staff-routes';
import { scheduleAdminRoutes } from './schedule-routes';

/** The "最多跑一次" appointments module: its dependencies, built once per app, and its routers. */
export type { BookingDeps, HallCancelHook } from './deps';
export { bookingScheduledJobs, generateSlots, markNoShows, removeExpiredPreReviewPhotos, sendReminders } from './jobs';

export function createBookingDeps({ prisma, redis, keyPrefix, calendar, files, mediaChecks, contentSafety, now = () => new Date(), onHallCancel, onScheduleChange }: {
  prisma: PrismaClient;
  redis: Redis;
  keyPrefix: string;
  calendar: CalendarService;
  files: Pick<FileDeps, 'prisma' | 'urls'>;
  mediaChecks?: MediaChecks;
  contentSafety?: ContentSafetyDeps;
  now?: () => Date;
  onHallCancel?: HallCancelHook;
  onScheduleChange?: () => Promise<void>;
}): BookingDeps {
  return { prisma, gate: createSeatGate({ redis, keyPrefix }), calendar, settings: createBookingSettingsReader(prisma), lookups: createBookingLookups(prisma), files, mediaChecks, contentSafety, now, onHallCancel, onScheduleChange };
}

export function bookingRouters(deps: BookingDeps, { rateLimiter }: { rateLimiter: RateLimiter }): AppRouter[] {
  return [bookingRoutes({ ...deps, rateLimiter }), staffBookingRoutes(deps), scheduleAdminRoutes(deps)];
}
