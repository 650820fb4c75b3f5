import type Redis from 'ioredis';
import { createPrismaClient, routeListReads, type PrismaClient } from '@govpocket/db';
import { createApp, type App } from '../../bff/src/app';
import { loadConfig, type Config } from '../../bff/src/config';
import { createLogger, type Logger } from '../../bff/src/platform/logger';
import { connectRedis, redisTarget } from '../../bff/src/platform/redis';

export type TestApp = {
  app: App;
  config: Config;
  prisma: PrismaClient;
  redis: Redis;
  close: () => Promise<void>;
};

/** The real app on this worker's MySQL database and Redis db, as supertest drives it. */
export async function createTestApp(env: Record<string, string> = {}, options: { logger?: Logger; now?: () => Date } = {}): Promise<TestApp> {
  // Every suite signs in from 127.0.0.1: the per-address login limit is tested on its own.
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', H5_ORIGIN: 'http://127.0.0.1:10086', LOGIN_RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const prisma = createPrismaClient(config.DATABASE_URL, { connectionLimit: 8, acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS });
  // As main.ts does: list endpoints read from DATABASE_REPLICA_URLS when a suite names some.
  const replicas = config.DATABASE_REPLICA_URLS.map((url) => createPrismaClient(url, { connectionLimit: 4, acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS }));
  const redis = await connectRedis(redisTarget(config));
  const app = createApp({ config, logger, prisma, listReads: routeListReads(prisma, replicas), redis, now: options.now });
  return {
    app,
    config,
    prisma,
    redis,
    close: async () => {
      await app.close();
      await Promise.all([prisma, ...replicas].map((client) => client.$disconnect()));
      redis.disconnect();
    },
  };
}
