import type { Job, Queue } from 'bullmq';
import type { Logger } from '../../platform/logger';

/**
 * Recurring work (outbox drains, reminders, overdue checks) on BullMQ job schedulers. A scheduler
 * lives in Redis under its name, so every worker process may register the same list: upserting is
 * idempotent, and each tick becomes one job that exactly one worker of the fleet takes.
 */
export type ScheduledJobContext = { logger: Logger; signal: AbortSignal; jobId: string | undefined };

export type ScheduledJob = {
  /** Scheduler id and job name, e.g. `booking-reminders`. */
  name: string;
  handler: (context: ScheduledJobContext) => Promise<void>;
} & ({ every: number; pattern?: never } | { pattern: string; every?: never; tz?: string });

export type ScheduledJobProcessor = (job: Job, context: { logger: Logger; signal: AbortSignal }) => Promise<void>;

/** Cron patterns are read in Shanghai time unless the job says otherwise. */
const defaultTimeZone = 'Asia/Shanghai';

export async function registerScheduledJobs(queue: Queue, jobs: ScheduledJob[]): Promise<ScheduledJobProcessor> {
  const handlers = new Map<string, ScheduledJob['handler']>();
  for (const job of jobs) {
    if (handlers.has(job.name)) throw new Error(`scheduled job ${job.name} is registered twice`);
    handlers.set(job.name, job.handler);
    const repeat = job.pattern !== undefined ? { pattern: job.pattern, tz: job.tz ?? defaultTimeZone } : { every: job.every };
    await queue.upsertJobScheduler(job.name, repeat, {
      name: job.name,
      data: {},
      // A missed tick is covered by the next one: keep little history and never retry a tick.
      opts: { attempts: 1, removeOnComplete: { count: 50 }, removeOnFail: { count: 200 } },
    });
  }
  return async (job, { logger, signal }) => {
    const handler = handlers.get(job.name);
    if (!handler) throw new Error(`no handler for scheduled job ${job.name}`);
    await handler({ logger: logger.child({ job: job.name }), signal, jobId: job.id });
  };
}
