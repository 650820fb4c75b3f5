import type { ListReads, PrismaClient } from '@govpocket/db';
import type { RateLimiter } from '../../platform/rate-limit';
import type { ContentSafetyDeps } from '../content-safety/service';
import type { FileDeps } from '../files';

/** What the consultation services need, built once in createApp (tests pass their own clock). */
export type ConsultationDeps = {
  prisma: PrismaClient;
  /** The public list and the open-data export: a read replica where one is configured. */
  listReads?: ListReads;
  files: Pick<FileDeps, 'prisma' | 'urls'>;
  rateLimiter: RateLimiter;
  contentSafety: ContentSafetyDeps;
  now: () => Date;
};
