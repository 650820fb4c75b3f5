import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import type { Middleware } from 'koa';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabasePoolStats } from '@govpocket/db';
import { matchedRoute } from './http/router';
import type { AppState } from './http/types';

export type Metrics = {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  httpErrors: Counter<'route' | 'code'>;
  redisCommandErrors: Counter<'command'>;
  redisConnectionErrors: Counter;
  /** BullMQ jobs this process ran (worker processes only). */
  jobsCompleted: Counter<'queue' | 'job'>;
  jobsFailed: Counter<'queue' | 'job'>;
  jobDuration: Histogram<'queue' | 'job'>;
  /** Outbox rows handled by drains, by result (SENT, SKIPPED, FAILED, PENDING, LOST_CLAIM, abandoned). */
  notificationDeliveries: Counter<'result'>;
  collectErrors: Counter<'source'>;
};

/** One registry per app instance, so tests can build many apps in one process. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'govpocket_' });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'govpocket_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    httpErrors: new Counter({ name: 'govpocket_http_errors_total', help: 'Error answers by route and code', labelNames: ['route', 'code'], registers }),
    redisCommandErrors: new Counter({ name: 'govpocket_redis_command_errors_total', help: 'Redis commands that failed (error reply, timeout or no connection)', labelNames: ['command'], registers }),
    redisConnectionErrors: new Counter({ name: 'govpocket_redis_connection_errors_total', help: 'Errors the Redis connection reported (refused, reset …)', registers }),
    jobsCompleted: new Counter({ name: 'govpocket_jobs_completed_total', help: 'BullMQ jobs this process completed', labelNames: ['queue', 'job'], registers }),
    jobsFailed: new Counter({ name: 'govpocket_jobs_failed_total', help: 'BullMQ jobs this process failed', labelNames: ['queue', 'job'], registers }),
    jobDuration: new Histogram({
      name: 'govpocket_job_duration_seconds',
      help: 'BullMQ job run time in this process',
      labelNames: ['queue', 'job'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
      registers,
    }),
    notificationDeliveries: new Counter({ name: 'govpocket_notification_deliveries_total', help: 'Outbox rows handled by delivery drains, by result', labelNames: ['result'], registers }),
    collectErrors: new Counter({ name: 'govpocket_metrics_collect_errors_total', help: 'Scrape-time collections that failed or timed out', labelNames: ['source'], registers }),
  };
}

/** Times every request by its route pattern (`/guides/:code`), never by the raw path. */
export function httpMetrics(metrics: Metrics): Middleware<AppState> {
  return async (ctx, next) => {
    const stop = metrics.httpDuration.startTimer({ method: ctx.method });
    try {
      await next();
    } finally {
      const route = matchedRoute(ctx) ?? 'unmatched';
      stop({ route, status: String(ctx.status) });
      const body: unknown = ctx.body;
      if (ctx.status >= 400 && typeof body === 'object' && body !== null && 'error' in body) {
        const { error } = body as { error: { code?: string } };
        metrics.httpErrors.inc({ route, code: error.code ?? 'UNKNOWN' });
      }
    }
  };
}

type SentCommand = { name: string; promise: Promise<unknown> };

/**
 * Counts failed Redis commands by name. The hook costs one promise handler per command; it is
 * attached once per command even when ioredis sends a command again after a reconnect.
 */
export function instrumentRedis(redis: Redis, metrics: Metrics): void {
  const send = redis.sendCommand.bind(redis) as (command: SentCommand, stream?: unknown) => unknown;
  const watched = new WeakSet<SentCommand>();
  const onFailure = (name: string) => () => metrics.redisCommandErrors.inc({ command: name });
  Object.assign(redis, {
    sendCommand: (command: SentCommand, stream?: unknown) => {
      const result = send(command, stream);
      if (!watched.has(command)) {
        watched.add(command);
        command.promise.catch(onFailure(command.name));
      }
      return result;
    },
  });
  redis.on('error', () => metrics.redisConnectionErrors.inc());
}

/** Resolves with the value, or rejects once `ms` have passed: a scrape never waits on a hung dependency. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type DependencySources = {
  /** The Prisma pool's counters, read on scrape. */
  databasePool: () => DatabasePoolStats | undefined;
  redis: Redis;
  /** BullMQ queues whose depth is read on scrape (fleet-wide: every BFF reports the same numbers). */
  queues: { names: string[]; prefix: string; open: (name: string, prefix: string) => Queue };
  /** Bound of each scrape-time Redis call. */
  timeoutMs?: number;
};

export const queueStates = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Gauges read when /metrics is scraped, so requests pay nothing for them: the database pool,
 * the Redis connection state and ping latency, and the depth of each BullMQ queue.
 * Returns a closer for the queue handles it opened.
 */
export function observeDependencies(metrics: Metrics, sources: DependencySources): () => Promise<void> {
  // Several apps may share one Metrics (they then share its gauges): the first one's sources count.
  if (metrics.registry.getSingleMetric('govpocket_redis_connected')) return () => Promise.resolve();
  const registers = [metrics.registry];
  const timeoutMs = sources.timeoutMs ?? 1000;
  new Gauge({
    name: 'govpocket_db_pool_connections',
    help: 'Database pool connections by state (active, idle, total, waiting requests, limit)',
    labelNames: ['state'],
    registers,
    collect() {
      this.reset();
      const stats = sources.databasePool();
      if (!stats) return;
      for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
    },
  });
  new Gauge({
    name: 'govpocket_redis_connected',
    help: '1 while the Redis connection is ready',
    registers,
    collect() {
      this.set(sources.redis.status === 'ready' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'govpocket_redis_ping_seconds',
    help: 'Round trip of a PING sent at scrape time; -1 when it failed or timed out',
    registers,
    async collect() {
      const startedAt = process.hrtime.bigint();
      try {
        await within(timeoutMs, sources.redis.ping());
        this.set(Number(process.hrtime.bigint() - startedAt) / 1e9);
      } catch {
        this.set(-1);
        metrics.collectErrors.inc({ source: 'redis_ping' });
      }
    },
  });
  const opened = new Map<string, Queue>();
  const queueOf = (name: string): Queue => {
    let queue = opened.get(name);
    if (!queue) {
      queue = sources.queues.open(name, sources.queues.prefix);
      // Its connection errors are the scrape's: counted below, not thrown as unhandled events.
      queue.on('error', () => undefined);
      opened.set(name, queue);
    }
    return queue;
  };
  new Gauge({
    name: 'govpocket_queue_jobs',
    help: 'BullMQ jobs per queue and state, read at scrape time',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        sources.queues.names.map(async (name) => {
          try {
            const counts = await within(timeoutMs, queueOf(name).getJobCounts(...queueStates));
            for (const state of queueStates) this.set({ queue: name, state }, counts[state] ?? 0);
          } catch {
            metrics.collectErrors.inc({ source: 'queue' });
            // A queue handle whose first connection failed stays failed: open a fresh one next time.
            const broken = opened.get(name);
            opened.delete(name);
            void broken?.close().catch(() => undefined);
          }
        }),
      );
    },
  });
  return async () => {
    const queues = [...opened.values()];
    opened.clear();
    await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
  };
}

/** A bare /metrics endpoint for processes without an HTTP app (the BullMQ worker). */
export async function serveMetrics(registry: Registry, host: string, port: number): Promise<{ server: http.Server; url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics unavailable'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `http://${host}:${bound}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
