import { Queue, Worker, type Job } from 'bullmq';
import type Redis from 'ioredis';
import type { PrismaClient } from '@govpocket/db';
import type { Logger } from '../../platform/logger';
import type { Metrics } from '../../platform/metrics';
import type { MiniProgramApi } from '../wechat/mini-program-api';
import type { DeliverySettings } from './deliver-outbox-event';
import { drainOutbox, type DrainSettings } from './drain-outbox';
import { createTemplateRegistrySource } from './load-template-registry';
import { registerScheduledJobs, type ScheduledJob } from './scheduled-jobs';

export type NotificationWorkerOptions = {
  prisma: PrismaClient;
  /** A connection for BullMQ: ioredis with `maxRetriesPerRequest: null`. Closed by the caller. */
  connection: Redis;
  miniProgram: MiniProgramApi;
  logger: Logger;
  /** BullMQ key prefix, e.g. `gp:bull`. */
  prefix: string;
  queueName?: string;
  /** How often a drain is scheduled (once across the fleet per tick). */
  pollEveryMs: number;
  /** BullMQ jobs processed at once by this process (drains and other scheduled jobs). */
  workerConcurrency: number;
  delivery: DeliverySettings;
  drain: DrainSettings;
  /** Further recurring jobs (reminders, overdue checks …) to run on the same queue. */
  scheduledJobs?: ScheduledJob[];
  templateCacheMs?: number;
  /** Job and delivery counters of this process (served on the worker's /metrics). */
  metrics?: Pick<Metrics, 'jobsCompleted' | 'jobsFailed' | 'jobDuration' | 'notificationDeliveries'>;
};

export type RunningNotificationWorker = { queue: Queue; close: () => Promise<void> };

export const outboxDrainJobName = 'outbox-drain';
/** The queue the outbox drains and every scheduled job run on (its depth is on /metrics). */
export const notificationQueueName = 'notifications';

/**
 * The delivery worker: a BullMQ job scheduler ticks `outbox-drain` every `pollEveryMs`, and the
 * one worker that takes a tick drains due outbox rows (other processes take the following ticks,
 * and concurrent drains never share a row). One drain at a time per process; a tick arriving while
 * one runs is a no-op. close() stops claiming, lets in-flight sends finish and hands back the rest.
 */
export async function startNotificationWorker(options: NotificationWorkerOptions): Promise<RunningNotificationWorker> {
  const { prisma, connection, miniProgram, logger } = options;
  const queueName = options.queueName ?? notificationQueueName;
  const registry = createTemplateRegistrySource({ prisma, logger, ttlMs: options.templateCacheMs });
  const stopping = new AbortController();
  let isDraining = false;

  const drainJob: ScheduledJob = {
    name: outboxDrainJobName,
    every: options.pollEveryMs,
    handler: async ({ signal, logger: jobLogger }) => {
      if (isDraining) return;
      isDraining = true;
      try {
        const report = await drainOutbox({ prisma, miniProgram, logger, registry, settings: options.delivery, drain: options.drain }, { signal });
        for (const [result, count] of Object.entries(report)) {
          if (count > 0) options.metrics?.notificationDeliveries.inc({ result }, count);
        }
        const handled = report.SENT + report.SKIPPED + report.FAILED + report.PENDING + report.abandoned;
        if (handled > 0) jobLogger.info({ report }, 'outbox drained');
      } finally {
        isDraining = false;
      }
    },
  };

  const observeDuration = (job: Job | undefined): void => {
    if (options.metrics && job?.processedOn !== undefined && job.finishedOn !== undefined) {
      options.metrics.jobDuration.observe({ queue: queueName, job: job.name }, Math.max(0, job.finishedOn - job.processedOn) / 1000);
    }
  };
  const queue = new Queue(queueName, { connection, prefix: options.prefix });
  const processor = await registerScheduledJobs(queue, [drainJob, ...(options.scheduledJobs ?? [])]);
  const worker = new Worker(queueName, (job) => processor(job, { logger, signal: stopping.signal }), {
    connection,
    prefix: options.prefix,
    concurrency: options.workerConcurrency,
  });
  worker.on('failed', (job, error) => {
    logger.error({ err: error, job: job?.name }, 'scheduled job failed');
    options.metrics?.jobsFailed.inc({ queue: queueName, job: job?.name ?? 'unknown' });
    observeDuration(job);
  });
  worker.on('completed', (job) => {
    options.metrics?.jobsCompleted.inc({ queue: queueName, job: job.name });
    observeDuration(job);
  });
  worker.on('error', (error) => logger.error({ err: error }, 'notification worker error'));
  await worker.waitUntilReady();

  return {
    queue,
    close: async () => {
      stopping.abort();
      await worker.close();
      await queue.close();
    },
  };
}
