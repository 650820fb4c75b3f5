import type { PrismaClient } from '@govpocket/db';
import type { Config } from '../../config';
import type { Logger } from '../../platform/logger';
import { createFileUrlSigner } from '../files/signed-url';
import type { MiniProgramApi } from '../wechat/mini-program-api';
import { createMediaChecks, type MediaChecks } from './media-check';
import type { ScheduledJob } from '../notification/scheduled-jobs';

export { createMediaChecks, type MediaChecks } from './media-check';
export { keepRawMessagePush, messagePushPath, messagePushRoutes } from './routes';

/**
 * The media checks as configured: image URLs signed with the file-URL key under the BFF's public
 * base (MEDIA_CHECK_FILE_BASE, else FILE_URL_BASE), so that WeChat's servers can download them.
 */
export function createConfiguredMediaChecks({ config, prisma, wechat, logger, now }: { config: Config; prisma: PrismaClient; wechat: Pick<MiniProgramApi, 'checkMediaAsync'>; logger?: Logger; now?: () => Date }): MediaChecks {
  const baseUrl = config.MEDIA_CHECK_FILE_BASE || config.FILE_URL_BASE;
  const urls = baseUrl ? createFileUrlSigner({ secret: config.FILE_URL_SECRET, baseUrl, defaultTtlSeconds: config.MEDIA_CHECK_URL_TTL_SECONDS }) : null;
  return createMediaChecks({ prisma, wechat, urls, urlTtlSeconds: config.MEDIA_CHECK_URL_TTL_SECONDS, logger, now });
}

/** Asks again for images whose check request failed or whose verdict never arrived. */
export function mediaCheckScheduledJobs(mediaChecks: MediaChecks): ScheduledJob[] {
  return [
    {
      name: 'media-check-requests',
      every: 60_000,
      handler: async ({ logger }) => {
        const sent = await mediaChecks.request();
        if (sent > 0) logger.info({ sent }, 'media checks requested');
      },
    },
  ];
}
