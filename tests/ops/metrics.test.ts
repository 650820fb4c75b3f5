import { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { createApp } from '../../bff/src/app';
import { loadConfig } from '../../bff/src/config';
import { notificationQueueName } from '../../bff/src/modules/notification/notification-worker';
import { createLogger } from '../../bff/src/platform/logger';
import { serveMetrics } from '../../bff/src/platform/metrics';
import { startWorkers, type RunningWorkers } from '../../bff/src/worker';
import { eventually } from '../support/eventually';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { loginAs } from '../support/factories';

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The Prometheus text format, sample lines only. */
function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]));
      return { name: match[1] ?? '', labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name whose labels include the given ones (undefined if none). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0]?.value;
}

let t: WechatTestApp;
const connections: Redis[] = [];

async function scrape(): Promise<Sample[]> {
  const response = await request(t.app.callback()).get('/metrics').expect(200);
  expect(response.headers['content-type']).toContain('text/plain');
  return parseSamples(response.text);
}

beforeAll(async () => {
  t = await createWechatTestApp();
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.quit()));
  await t.close();
});

describe('/metrics', () => {
  it('reports HTTP, the database pool and Redis after real traffic', async () => {
    const api = request(t.app.callback());
    const resident = await loginAs(t);
    await api.get('/me/profile').set(resident.auth).expect(200);
    await api.get('/no/such/path').expect(404);
    await api.get('/healthz').expect(200);
    // A command Redis refuses (wrong type) is an error reply, counted by command name.
    const stringKey = `${t.config.REDIS_KEY_PREFIX}ops:wrongtype`;
    await t.redis.set(stringKey, 'x');
    await expect(t.redis.hget(stringKey, 'field')).rejects.toThrow(/WRONGTYPE/);

    const samples = await scrape();
    expect(valueOf(samples, 'govpocket_http_request_duration_seconds_count', { route: '/me/profile', method: 'GET', status: '200' })).toBe(1);
    expect(valueOf(samples, 'govpocket_http_request_duration_seconds_count', { route: '/auth/wechat', method: 'POST', status: '200' })).toBe(1);
    expect(valueOf(samples, 'govpocket_http_errors_total', { route: 'unmatched', code: 'NOT_FOUND' })).toBe(1);
    // Raw paths never become labels: one series per route pattern.
    expect(samples.some((sample) => sample.labels.route === '/no/such/path')).toBe(false);

    const pool = (state: string) => valueOf(samples, 'govpocket_db_pool_connections', { state });
    expect(pool('limit')).toBe(8);
    expect(pool('total')).toBeGreaterThanOrEqual(1);
    expect(pool('total')).toBeLessThanOrEqual(8);
    expect((pool('active') ?? -1) + (pool('idle') ?? -1)).toBe(pool('total'));
    expect(pool('waiting')).toBe(0);

    expect(valueOf(samples, 'govpocket_redis_connected')).toBe(1);
    const ping = valueOf(samples, 'govpocket_redis_ping_seconds') ?? -1;
    expect(ping).toBeGreaterThan(0);
    expect(ping).toBeLessThan(1);
    expect(valueOf(samples, 'govpocket_redis_command_errors_total', { command: 'hget' })).toBe(1);
    expect(valueOf(samples, 'govpocket_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('reports the queue depth, and the worker counts completed and failed jobs', async () => {
    const prefix = `${t.config.REDIS_KEY_PREFIX}bull`;
    const connection = new Redis(t.config.REDIS_URL, { maxRetriesPerRequest: null });
    connections.push(connection);
    const queue = new Queue(notificationQueueName, { connection, prefix });
    // No worker yet: one job waits, two wait for their time.
    await queue.add('ops-orphan', {});
    await queue.add('ops-later', {}, { delay: 3_600_000 });
    await queue.add('ops-later', {}, { delay: 3_600_000 });
    const before = await scrape();
    const depth = (samples: Sample[], state: string) => valueOf(samples, 'govpocket_queue_jobs', { queue: notificationQueueName, state });
    expect(depth(before, 'waiting')).toBe(1);
    expect(depth(before, 'delayed')).toBe(2);
    expect(depth(before, 'active')).toBe(0);
    expect(depth(before, 'failed')).toBe(0);

    const config = loadConfig({ ...process.env, REDIS_KEY_PREFIX: t.config.REDIS_KEY_PREFIX, WECHAT_API_BASE: t.fake.url, WECHAT_APPID: t.fake.appid, WECHAT_SECRET: t.fake.secret, OUTBOX_POLL_MS: '200', LOG_LEVEL: 'silent' });
    let failing = 0;
    let workers: RunningWorkers | undefined;
    try {
      workers = await startWorkers({
        config,
        logger: createLogger({ level: 'silent' }),
        metrics: t.app.metrics,
        scheduledJobs: [
          {
            name: 'ops-always-fails',
            every: 200,
            handler: async () => {
              failing += 1;
              throw new Error('this job fails on purpose');
            },
          },
        ],
      });
      const failed = (samples: Sample[], job: string) => valueOf(samples, 'govpocket_jobs_failed_total', { queue: notificationQueueName, job }) ?? 0;
      const after = await eventually(scrape, (samples) => failed(samples, 'ops-always-fails') >= 2 && failed(samples, 'ops-orphan') === 1 && (valueOf(samples, 'govpocket_jobs_completed_total', { queue: notificationQueueName, job: 'outbox-drain' }) ?? 0) >= 1, 15_000);
      // The job nobody handles fails once (a tick is never retried); the always-failing one on every tick.
      expect(failed(after, 'ops-orphan')).toBe(1);
      expect(failed(after, 'ops-always-fails')).toBeGreaterThanOrEqual(2);
      expect(failed(after, 'ops-always-fails')).toBeLessThanOrEqual(failing);
      expect(valueOf(after, 'govpocket_jobs_completed_total', { queue: notificationQueueName, job: 'outbox-drain' })).toBeGreaterThanOrEqual(1);
      expect(valueOf(after, 'govpocket_job_duration_seconds_count', { queue: notificationQueueName, job: 'outbox-drain' })).toBeGreaterThanOrEqual(1);
      expect(depth(after, 'waiting')).toBe(0);
      expect(depth(after, 'delayed')).toBeGreaterThanOrEqual(2);
      expect(depth(after, 'failed')).toBeGreaterThanOrEqual(2);

      // A worker process serves the same registry on a port of its own.
      const server = await serveMetrics(t.app.metrics.registry, '127.0.0.1', 0);
      try {
        const own = await request(server.url).get('/metrics').expect(200);
        expect(parseSamples(own.text).some((sample) => sample.name === 'govpocket_jobs_failed_total')).toBe(true);
        await request(server.url).get('/other').expect(404);
      } finally {
        await server.close();
      }
    } finally {
      await workers?.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('answers a scrape in bounded time while Redis is unreachable', async () => {
    const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 200 });
    redis.on('error', () => undefined);
    redis.connect().catch(() => undefined);
    const broken = await createWechatTestApp();
    // The same app on a Redis that is not there: the scrape still answers, without Redis figures.
    const app = createApp({ config: broken.config, logger: createLogger({ level: 'silent' }), prisma: broken.prisma, redis });
    try {
      const startedAt = Date.now();
      const response = await request(app.callback()).get('/metrics').expect(200);
      expect(Date.now() - startedAt).toBeLessThan(5000);
      const samples = parseSamples(response.text);
      expect(valueOf(samples, 'govpocket_redis_connected')).toBe(0);
      expect(valueOf(samples, 'govpocket_redis_ping_seconds')).toBe(-1);
      expect(samples.some((sample) => sample.name === 'govpocket_queue_jobs')).toBe(false);
      // Failures of one scrape's collections are counted by the time of the next.
      const next = parseSamples((await request(app.callback()).get('/metrics').expect(200)).text);
      expect(valueOf(next, 'govpocket_metrics_collect_errors_total', { source: 'queue' })).toBeGreaterThanOrEqual(1);
      expect(valueOf(next, 'govpocket_metrics_collect_errors_total', { source: 'redis_ping' })).toBeGreaterThanOrEqual(1);
      expect(valueOf(next, 'govpocket_redis_command_errors_total', { command: 'ping' })).toBeGreaterThanOrEqual(1);
    } finally {
      await app.close();
      redis.disconnect();
      await broken.close();
    }
  });
});
