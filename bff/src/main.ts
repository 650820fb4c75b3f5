import { createPrismaClient, routeListReads } from '@govpocket/db';
import { createApp } from './app';
import { ConfigError, databasePool, loadConfig } from './config';
import { createLogger } from './platform/logger';
import { connectRedis, redisTarget } from './platform/redis';
import { serve } from './platform/server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const pool = databasePool(config);
  const prisma = createPrismaClient(config.DATABASE_URL, pool);
  const replicas = config.DATABASE_REPLICA_URLS.map((url) => createPrismaClient(url, pool));
  const redis = await connectRedis(redisTarget(config));
  const app = createApp({ config, logger, prisma, listReads: routeListReads(prisma, replicas), redis });
  const running = await serve({
    app,
    host: config.HOST,
    port: config.PORT,
    logger,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    closers: [() => app.close(), () => prisma.$disconnect(), ...replicas.map((replica) => () => replica.$disconnect()), () => redis.quit()],
  });
  logger.info({ url: running.url }, 'BFF listening');
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // A pool that never answers its close must not keep a stopped process alive.
    setTimeout(() => {
      logger.error('shutdown did not finish in time: exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 5000).unref();
    void running.shutdown().then(() => process.exit(0));
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, stop);
  // Started by a supervisor that holds our stdin (npm run demo): when it dies, whatever killed it,
  // the pipe closes and we stop too instead of living on as an orphan.
  if (process.env.EXIT_WITH_PARENT === '1') {
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('BFF failed to start:', error);
  }
  process.exit(1);
});
