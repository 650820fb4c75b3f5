import { createPrismaClient, type PrismaClient } from '@govpocket/db';
import { ConfigError, databasePool, loadConfig, type Config } from './config';
import { bookingScheduledJobs } from './modules/booking';
import { createLocalDiskStorage } from './modules/files';
import { loadDefaultWordFilter } from './modules/content-safety/word-filter';
import { createConfiguredMediaChecks, mediaCheckScheduledJobs } from './modules/content-safety';
import { mailboxScheduledJobs } from './modules/mailbox';
import { consultationScheduledJobs } from './modules/consultation';
import { createPaymentDeps, paymentScheduledJobs } from './modules/payment';
import { createGuideCache } from './modules/guide/guide-cache';
import { flushViewCounts } from './modules/guide/service';
import { startNotificationWorker, type ScheduledJob } from './modules/notification';
import { createWechat, type Wechat } from './modules/wechat';
import { createLogger, type Logger } from './platform/logger';
import { createMetrics, instrumentRedis, serveMetrics, type Metrics } from './platform/metrics';
import { connectRedis, openBlockingRedis, redisTarget } from './platform/redis';

/**
 * The worker process: delivers the notification outbox and runs the fleet's scheduled jobs on
 * BullMQ. Run it with `tsx bff/src/worker.ts` (as many as you like), or call startWorkers() in
 * process, as the demo does. It needs no HTTP port.
 */
export type StartWorkersOptions = {
  config: Config;
  logger: Logger;
  /** Reused when given (and then not closed); otherwise created from config and closed by close(). */
  prisma?: PrismaClient;
  wechat?: Wechat;
  /** Recurring jobs of other modules (reminders, overdue checks …). */
  scheduledJobs?: ScheduledJob[];
  /** Job counters land here; by default a registry of the worker's own (see WORKER_METRICS_PORT). */
  metrics?: Metrics;
};

export type RunningWorkers = { metrics: Metrics; close: () => Promise<void> };

export async function startWorkers(options: StartWorkersOptions): Promise<RunningWorkers> {
  const { config, logger } = options;
  const metrics = options.metrics ?? createMetrics();
  const closers: Array<() => Promise<unknown>> = [];
  const prisma = options.prisma ?? createPrismaClient(config.DATABASE_URL, databasePool(config));
  if (!options.prisma) closers.push(() => prisma.$disconnect());
  // The access-token cache and the jobs need the fail-fast connection the BFF uses.
  const redis = await connectRedis(redisTarget(config));
  if (!options.metrics) instrumentRedis(redis, metrics);
  closers.push(() => redis.quit());
  const wechat = options.wechat ?? createWechat(config, redis);
  const guideCache = createGuideCache({ redis, keyPrefix: config.REDIS_KEY_PREFIX });
  closers.push(() => guideCache.close());
  const contentSafety = { wechat: wechat.miniProgram, words: loadDefaultWordFilter() };
  const fleetJobs: ScheduledJob[] = [
    {
      name: 'guide-view-counts',
      every: 60_000,
      handler: async () => {
        await flushViewCounts({ prisma, cache: guideCache });
      },
    },
    ...bookingScheduledJobs({ prisma, redis, keyPrefix: config.REDIS_KEY_PREFIX, storage: createLocalDiskStorage({ dir: config.FILE_STORAGE_DIR }), contentSafety }),
    ...mailboxScheduledJobs({ prisma, redis, keyPrefix: config.REDIS_KEY_PREFIX, contentSafety }),
    ...mediaCheckScheduledJobs(createConfiguredMediaChecks({ config, prisma, wechat: wechat.miniProgram, logger })),
    ...consultationScheduledJobs({ prisma }),
    ...paymentScheduledJobs(createPaymentDeps({ config, prisma, redis })),
  ];
  // BullMQ blocks on its connection and must never give up on a command.
  const bullConnection = openBlockingRedis(redisTarget(config));
  bullConnection.on('error', (error) => logger.warn({ err: error }, 'BullMQ Redis connection error'));
  closers.push(() => bullConnection.quit());

  const notifications = await startNotificationWorker({
    prisma,
    connection: bullConnection,
    miniProgram: wechat.miniProgram,
    logger,
    prefix: `${config.REDIS_KEY_PREFIX}bull`,
    pollEveryMs: config.OUTBOX_POLL_MS,
    workerConcurrency: config.WORKER_CONCURRENCY,
    delivery: {
      maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
      backoff: { baseMs: config.OUTBOX_RETRY_BASE_MS, maxMs: config.OUTBOX_RETRY_MAX_MS },
      sendTtlMs: config.OUTBOX_SEND_TTL_MS,
      miniprogramState: config.WECHAT_MINIPROGRAM_STATE,
    },
    drain: { batchSize: config.OUTBOX_BATCH_SIZE, concurrency: config.OUTBOX_SEND_CONCURRENCY, claimTtlMs: config.OUTBOX_CLAIM_TTL_MS, budgetMs: config.OUTBOX_DRAIN_BUDGET_MS },
    scheduledJobs: [...fleetJobs, ...(options.scheduledJobs ?? [])],
    metrics,
  });
  closers.unshift(() => notifications.close());

  let closing: Promise<void> | undefined;
  return {
    metrics,
    close: () => {
      closing ??= (async () => {
        for (const close of closers) {
          await close().catch((error: unknown) => logger.error({ err: error }, 'error while stopping the worker'));
        }
      })();
      return closing;
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker' });
  const workers = await startWorkers({ config, logger });
  // Prometheus scrapes each worker process here (the BFF's /metrics shows the fleet's queue depth).
  const metricsServer = config.WORKER_METRICS_PORT > 0 ? await serveMetrics(workers.metrics.registry, config.WORKER_METRICS_HOST, config.WORKER_METRICS_PORT) : undefined;
  logger.info({ metrics: metricsServer?.url }, 'worker started');
  let isStopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // `on`, not `once`: a supervisor may signal the whole process group and then relay the same
    // signal again; the repeat must not kill a worker that is finishing its in-flight sends.
    process.on(signal, () => {
      if (isStopping) return;
      isStopping = true;
      logger.info({ signal }, 'worker stopping: finishing in-flight sends');
      const timer = setTimeout(() => {
        logger.warn('worker shutdown timeout');
        process.exit(1);
      }, config.SHUTDOWN_TIMEOUT_MS);
      void Promise.all([workers.close(), metricsServer?.close()]).then(() => {
        clearTimeout(timer);
        logger.info('worker stopped');
        process.exit(0);
      });
    });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
