import type { ListReads, PrismaClient } from '@govpocket/db';
import type { AppRouter } from '../../platform/http/router';
import type { RateLimiter } from '../../platform/rate-limit';
import type { CalendarService } from '../calendar/service';
import type { MediaChecks } from '../content-safety/media-check';
import type { ContentSafetyDeps } from '../content-safety/service';
import type { FileDeps } from '../files';
import type { MailboxDeps } from './deps';
import { mailboxRoutes } from './routes';
import { createLetterSettingsReader } from './settings';
import { mailboxStaffRoutes } from './staff-routes';

/** The leadership mailbox (领导信箱) module: its dependencies, built once per app, and its routers. */
export type { MailboxDeps } from './deps';
export { accountDeletedReason, anonymiseLettersOfDeletedResident } from './account-erasure';
export { closeUnratedLetters, mailboxScheduledJobs, recheckPendingLetters, sendOverdueNotices } from './jobs';

export function createMailboxDeps({ prisma, listReads = prisma, calendar, contentSafety, files, rateLimiter, mediaChecks, now = () => new Date() }: {
  prisma: PrismaClient;
  listReads?: ListReads;
  calendar: CalendarService;
  contentSafety: ContentSafetyDeps;
  files: Pick<FileDeps, 'prisma' | 'urls'>;
  rateLimiter: RateLimiter;
  mediaChecks?: MediaChecks;
  now?: () => Date;
}): MailboxDeps {
  return { prisma, lists: listReads, calendar, settings: createLetterSettingsReader(prisma), contentSafety, files, rateLimiter, mediaChecks, now };
}

export function mailboxRouters(deps: MailboxDeps): AppRouter[] {
  return [mailboxRoutes(deps), mailboxStaffRoutes(deps)];
}
