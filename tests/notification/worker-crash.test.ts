import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { createPrismaClient, type PrismaClient } from '@govpocket/db';
import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { miniProgramPages } from '@govpocket/shared';
import { enqueueNotification } from '../../bff/src/modules/notification/enqueue-notification';
import { bookingPayload, createResidents, removeResidents, runTag, waitFor, type Resident } from './notification-support';

/**
 * The outbox promise, proven against real processes: a worker is SIGKILLed in the middle of a
 * batch and a new one takes over. Every notification must reach the message centre exactly once
 * and WeChat at most once (and almost all of them should reach it).
 */
const root = path.resolve(__dirname, '../..');
const tag = runTag();
const total = 300;
const perResident = 10;

let fake: FakeWechat;
let proxy: http.Server;
let proxyUrl: string;
let prisma: PrismaClient;
let residents: Resident[] = [];
const children: ChildProcess[] = [];
const output: string[] = [];

/** Sits between the worker and the fake WeChat and slows sends down, so a kill lands mid-batch (and mid-call). */
async function startSlowProxy(target: string, delayMs: number): Promise<void> {
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const isSend = (req.url ?? '').startsWith('/cgi-bin/message/subscribe/send');
      setTimeout(
        () => {
          fetch(new URL(req.url ?? '/', target), { method: req.method, headers: { 'Content-Type': 'application/json' }, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined })
            .then(async (answer) => {
              res.writeHead(answer.status, { 'Content-Type': 'application/json' });
              res.end(await answer.text());
            })
            .catch(() => res.destroy());
        },
        isSend ? delayMs : 0,
      );
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy is not listening on TCP');
  proxyUrl = `http://127.0.0.1:${address.port}`;
}

function spawnWorker(): ChildProcess {
  // tsx as a loader, not its CLI: the CLI runs the script in a grandchild and, when that child is
  // slow to acknowledge a relayed SIGTERM (a loaded machine), escalates to SIGKILL.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bff/src/worker.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_POOL_SIZE: '6',
      REDIS_URL: process.env.REDIS_URL,
      REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX ?? ''}crash:${tag}:`,
      WECHAT_API_BASE: proxyUrl,
      WECHAT_APPID: fake.appid,
      WECHAT_SECRET: fake.secret,
      OUTBOX_POLL_MS: '100',
      OUTBOX_BATCH_SIZE: '20',
      OUTBOX_SEND_CONCURRENCY: '8',
      OUTBOX_CLAIM_TTL_MS: '1500',
      OUTBOX_SEND_TTL_MS: '1500',
      OUTBOX_RETRY_BASE_MS: '100',
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  children.push(child);
  return child;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

const sentNumbers = (): string[] => residents.flatMap((resident) => fake.control.subscribeMessages(resident.openid).map((message) => message.data.character_string4 ?? ''));

beforeAll(async () => {
  fake = await startFakeWechat({ pages: [...miniProgramPages] });
  await startSlowProxy(fake.url, 15);
  prisma = createPrismaClient(process.env.DATABASE_URL ?? '', { connectionLimit: 8 });
  residents = await createResidents(prisma, `crash-${tag}`, total / perResident);
  await prisma.subscribeQuota.createMany({ data: residents.map((resident) => ({ userId: resident.id, templateId: 'TPL_BOOKING_CONFIRMED', remaining: perResident })) });
  for (const resident of residents) fake.control.acceptSubscription({ openid: resident.openid, templateId: 'TPL_BOOKING_CONFIRMED', count: perResident });
});

afterAll(async () => {
  await Promise.all(children.map((child) => stop(child, 'SIGKILL')));
  await removeResidents(prisma, residents);
  await prisma.$disconnect();
  await new Promise((resolve) => proxy.close(resolve));
  await fake.close();
});

it('a worker killed mid-batch loses nothing and sends nothing twice', async () => {
  // Written 25 to a transaction, as a state change that notifies many residents would.
  const batches = Array.from({ length: total / 25 }, (_, batch) =>
    prisma.$transaction(async (tx) => {
      const batchIds: string[] = [];
      for (let index = batch * 25; index < (batch + 1) * 25; index += 1) {
        const resident = residents[index % residents.length];
        if (!resident) throw new Error('no resident');
        const bookingNo = `CR-${tag}-${String(index).padStart(3, '0')}`;
        const { outboxEventId } = await enqueueNotification(tx, { userId: resident.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload(bookingNo), dedupeKey: `crash:${tag}:${index}` });
        batchIds.push(outboxEventId);
      }
      return batchIds;
    }, { timeout: 30_000, maxWait: 30_000 }),
  );
  const ids = (await Promise.all(batches)).flat();
  expect(new Set(ids).size).toBe(total);

  const first = spawnWorker();
  await waitFor(() => sentNumbers().length >= 40, { timeoutMs: 30_000, everyMs: 5, what: `the first worker to send 40 messages\n${output.join('')}` });
  await stop(first, 'SIGKILL');
  const sentByFirst = sentNumbers().length;
  expect(sentByFirst).toBeLessThan(total);

  const second = spawnWorker();
  const pending = () => prisma.outboxEvent.count({ where: { id: { in: ids }, status: 'PENDING' } });
  await waitFor(async () => (await pending()) === 0, { timeoutMs: 40_000, everyMs: 100, what: `the second worker to finish\n${output.join('')}` });
  await stop(second, 'SIGTERM');
  expect(second.exitCode).toBe(0);

  // In-app: exactly one message per outbox event.
  const messages = await prisma.notification.groupBy({ by: ['outboxEventId'], where: { outboxEventId: { in: ids } }, _count: { _all: true } });
  expect(messages).toHaveLength(total);
  expect(messages.every((group) => group._count._all === 1)).toBe(true);

  // WeChat: at most once per event, and only for rows that were sent or whose fate was unknown.
  const numbers = sentNumbers();
  const counts = new Map<string, number>();
  for (const number of numbers) counts.set(number, (counts.get(number) ?? 0) + 1);
  expect([...counts.values()].filter((count) => count > 1)).toEqual([]);

  const rows = await prisma.outboxEvent.findMany({ where: { id: { in: ids } }, select: { status: true, lastError: true, dedupeKey: true, payload: true } });
  const numberOf = (payload: unknown): string => (typeof payload === 'object' && payload !== null && 'bookingNo' in payload ? String(payload.bookingNo) : '');
  const sent = rows.filter((row) => row.status === 'SENT');
  const uncertain = rows.filter((row) => row.status === 'FAILED' && row.lastError?.startsWith('UNCERTAIN'));
  expect(rows.filter((row) => row.status !== 'SENT' && !uncertain.includes(row))).toEqual([]);
  for (const row of sent) expect(counts.get(numberOf(row.payload))).toBe(1);
  const allowed = new Set([...sent, ...uncertain].map((row) => numberOf(row.payload)));
  expect(numbers.filter((number) => !allowed.has(number))).toEqual([]);

  // Almost all delivered: only the sends in flight at the kill (≤ 8 lanes) can be uncertain.
  expect(uncertain.length).toBeLessThanOrEqual(8);
  expect(sent.length).toBeGreaterThanOrEqual(total - 8);
  // Every acceptance used was used by a sent or uncertain row; the rest are still there.
  const left = await prisma.subscribeQuota.aggregate({ where: { userId: { in: residents.map((resident) => resident.id) } }, _sum: { remaining: true } });
  expect(left._sum.remaining).toBe(total - sent.length - uncertain.length);
}, 60_000);
