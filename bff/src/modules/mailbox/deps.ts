import type { ListReads, PrismaClient } from '@govpocket/db';
import type { RateLimiter } from '../../platform/rate-limit';
import type { CalendarService } from '../calendar/service';
import type { MediaChecks } from '../content-safety/media-check';
import type { ContentSafetyDeps } from '../content-safety/service';
import type { FileDeps } from '../files';
import type { LetterSettingsReader } from './settings';

/** What the mailbox services need, built once in createApp (tests pass their own clock). */
export type MailboxDeps = {
  prisma: PrismaClient;
  /** Staff and public letter lists and statistics: a read replica where one is configured. */
  lists: ListReads;
  calendar: CalendarService;
  settings: LetterSettingsReader;
  contentSafety: ContentSafetyDeps;
  files: Pick<FileDeps, 'prisma' | 'urls'>;
  rateLimiter: RateLimiter;
  /** WeChat's media check of the letter's images, asked for once the letter is stored. */
  mediaChecks?: MediaChecks;
  now: () => Date;
};
