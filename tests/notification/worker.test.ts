import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { loadConfig } from '../../bff/src/config';
import { registerScheduledJobs } from '../../bff/src/modules/notification/scheduled-jobs';
import { createLogger } from '../../bff/src/platform/logger';
import { startWorkers } from '../../bff/src/worker';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { bookingPayload, createResidents, enqueue, removeResidents, runTag, sleep, waitFor, type Resident } from './notification-support';

const tag = runTag();
const logger = createLogger({ level: 'silent' });
const connections: Redis[] = [];

function bullConnection(): Redis {
  const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  connections.push(connection);
  return connection;
}

afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.quit()));
});

describe('registerScheduledJobs', () => {
  it('runs each tick once across several worker processes', async () => {
    const prefix = `test:sched:${tag}`;
    const runs: string[] = [];
    const fleet = await Promise.all(
      [1, 2, 3].map(async (processNo) => {
        const connection = bullConnection();
        const queue = new Queue('scheduled', { connection, prefix });
        // Every process registers the same list, as every worker process does at boot.
        const processor = await registerScheduledJobs(queue, [
          {
            name: 'tick',
            every: 200,
            handler: async ({ jobId }) => {
              runs.push(`${jobId}@${processNo}`);
            },
          },
        ]);
        const worker = new Worker('scheduled', (job) => processor(job, { logger, signal: new AbortController().signal }), { connection, prefix, concurrency: 2 });
        return { queue, worker };
      }),
    );
    await sleep(2100);
    await Promise.all(fleet.map(({ worker }) => worker.close()));
    const jobIds = runs.map((run) => run.split('@')[0]);
    expect(new Set(jobIds).size).toBe(jobIds.length);
    expect(runs.length).toBeGreaterThanOrEqual(6);
    expect(runs.length).toBeLessThanOrEqual(12);
    expect(await fleet[0]?.queue.getJobSchedulersCount()).toBe(1);
    await Promise.all(fleet.map(({ queue }) => queue.close()));
  });
});

describe('startWorkers (in process, as the demo runs it)', () => {
  let t: WechatTestApp;
  const residents: Resident[] = [];

  beforeAll(async () => {
    t = await createWechatTestApp({ REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX ?? ''}ntf-worker:${tag}:` });
  });
  afterAll(async () => {
    await removeResidents(t.prisma, residents);
    await t.close();
  });

  it('delivers enqueued notifications on its own, and stops cleanly', async () => {
    const config = loadConfig({ ...process.env, REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX ?? ''}ntf-worker:${tag}:`, WECHAT_API_BASE: t.fake.url, WECHAT_APPID: t.fake.appid, WECHAT_SECRET: t.fake.secret, OUTBOX_POLL_MS: '100', LOG_LEVEL: 'silent' });
    const workers = await startWorkers({ config, logger });
    try {
      residents.push(...(await createResidents(t.prisma, `worker-${tag}`, 3)));
      for (const resident of residents) {
        await t.prisma.subscribeQuota.create({ data: { userId: resident.id, templateId: 'TPL_BOOKING_CONFIRMED', remaining: 1 } });
        t.fake.control.acceptSubscription({ openid: resident.openid, templateId: 'TPL_BOOKING_CONFIRMED' });
      }
      const ids = await Promise.all(residents.map((resident, index) => enqueue(t.prisma, { userId: resident.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload(`WK-${index}`), dedupeKey: `worker:${tag}:${index}` })));
      await waitFor(async () => (await t.prisma.outboxEvent.count({ where: { id: { in: ids }, status: 'SENT' } })) === ids.length, { what: 'the worker to send' });
      for (const resident of residents) expect(t.fake.control.subscribeMessages(resident.openid)).toHaveLength(1);
    } finally {
      await workers.close();
    }
  });
});
