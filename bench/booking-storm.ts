/**
 * Booking storm: 2 BFF processes on one MySQL and one Redis, 2,000 residents racing for 100 seats
 * of one slot, every attempt sent at once from a separate load process. `booked` must be 100: the
 * seat gate in Redis and the conditional UPDATE in the booking transaction never let one more in.
 *
 * `runBookingStorm()` orchestrates; the same file runs as the child processes:
 *   node --import tsx bench/booking-storm.ts serve '<json>' → a BFF on a random port (prints {"port": n})
 *   node --import tsx bench/booking-storm.ts load <file>    → fires the attempts (prints the answers)
 * Standalone: `npx tsx bench/booking-storm.ts` (BOOKING_STORM_DEBUG=1 adds status counts and BFF errors).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPrismaClient, type PrismaClient } from '@govpocket/db';
import { createApp } from '../bff/src/app';
import { loadConfig } from '../bff/src/config';
import { createSessionStore } from '../bff/src/modules/auth/session-store';
import { createLogger } from '../bff/src/platform/logger';
import { connectRedis } from '../bff/src/platform/redis';
import { createDatabaseIfMissing, migrate } from '../prisma/src/migrate';
import { createBookableSlot } from './bookable-slot';
import { summarise } from './stats';

export type BookingStormResult = { booked: number; seats: number; attempts: number; answeredPerSecond: number; p50: number; p99: number; errors: number };
export type BookingStormOptions = { databaseUrl?: string; residents?: number; seats?: number; processes?: number };

type LoadPlan = { urls: string[]; itemCode: string; slotId: string; tokens: string[] };
type LoadAnswer = { status: number; code: string | null; ms: number };

const root = path.resolve(__dirname, '..');

export async function runBookingStorm(options: BookingStormOptions = {}): Promise<BookingStormResult> {
  const { residents = 2000, seats = 100, processes = 2 } = options;
  const databaseUrl = options.databaseUrl ?? process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/govpocket_bench';
  await createDatabaseIfMissing(databaseUrl);
  await migrate({ databaseUrl });
  const keyPrefix = `storm${process.pid}:`;
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, REDIS_KEY_PREFIX: keyPrefix, LOG_LEVEL: 'silent' });
  const prisma = createPrismaClient(databaseUrl, { connectionLimit: 4 });
  const redis = await connectRedis(config.REDIS_URL);
  const children: ChildProcess[] = [];
  const planFile = path.join(os.tmpdir(), `booking-storm-${process.pid}.json`);
  try {
    const { itemCode, slotId } = await createBookableSlot(prisma, { capacity: seats, label: '压测' });
    const tokens = await createResidentSessions({ prisma, redis, keyPrefix, count: residents });
    const urls: string[] = [];
    for (let index = 0; index < processes; index += 1) {
      const { child, port } = await startChild(['serve', JSON.stringify({ databaseUrl, keyPrefix })]);
      children.push(child);
      urls.push(`http://127.0.0.1:${port}`);
    }
    const plan: LoadPlan = { urls, itemCode, slotId, tokens };
    writeFileSync(planFile, JSON.stringify(plan));
    const started = performance.now();
    const answers = await runChild<LoadAnswer[]>(['load', planFile]);
    const elapsedMs = performance.now() - started;
    const booked = await prisma.appointment.count({ where: { slotId, status: { not: 'CANCELLED' } } });
    const latency = summarise(answers.map((answer) => answer.ms));
    if (process.env.BOOKING_STORM_DEBUG) console.error(answers.reduce<Record<string, number>>((counts, answer) => ({ ...counts, [`${answer.status} ${answer.code}`]: (counts[`${answer.status} ${answer.code}`] ?? 0) + 1 }), {}));
    const isExpected = (answer: LoadAnswer): boolean => answer.status === 201 || (answer.status === 409 && answer.code === 'SLOT_FULL');
    return {
      booked,
      seats,
      attempts: answers.length,
      answeredPerSecond: Math.round((answers.length / elapsedMs) * 1000),
      p50: Math.round(latency.p50),
      p99: Math.round(latency.p99),
      errors: answers.filter((answer) => !isExpected(answer)).length,
    };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    rmSync(planFile, { force: true });
    const keys = await redis.keys(`${keyPrefix}*`);
    for (let index = 0; index < keys.length; index += 500) await redis.del(...keys.slice(index, index + 500));
    await prisma.$disconnect();
    redis.disconnect();
  }
}

/** Residents with live sessions written straight to the session store (no WeChat round trip). */
async function createResidentSessions({ prisma, redis, keyPrefix, count }: { prisma: PrismaClient; redis: Awaited<ReturnType<typeof connectRedis>>; keyPrefix: string; count: number }): Promise<string[]> {
  const openids = Array.from({ length: count }, () => `oSTORM_${randomUUID().replace(/-/g, '').slice(0, 24)}`);
  await prisma.user.createMany({ data: openids.map((openid) => ({ openid })) });
  const users = await prisma.user.findMany({ where: { openid: { in: openids } }, select: { id: true } });
  const sessions = createSessionStore({ redis, keyPrefix, ttlSeconds: 3600 });
  return Promise.all(users.map(async (user) => (await sessions.create(user.id)).token));
}

function startChild(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ child, port: Number(JSON.parse(line).port) });
    });
    child.on('exit', (code) => reject(new Error(`BFF child exited with ${code}`)));
  });
}

function runChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`load child exited with ${code}`))));
  });
}

// ─── child process roles ───

async function serveBff({ databaseUrl, keyPrefix }: { databaseUrl: string; keyPrefix: string }): Promise<void> {
  const level = process.env.BOOKING_STORM_DEBUG ? 'error' : 'silent';
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, REDIS_KEY_PREFIX: keyPrefix, LOG_LEVEL: level });
  const prisma = createPrismaClient(databaseUrl, { connectionLimit: 10 });
  const redis = await connectRedis(config.REDIS_URL);
  const app = createApp({ config, logger: createLogger({ level, destination: process.stderr }), prisma, redis });
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
  process.once('SIGTERM', () => process.exit(0));
}

/** Every attempt at once, spread over the BFF processes, each with its own Idempotency-Key. */
async function fireAttempts(planFile: string): Promise<LoadAnswer[]> {
  const plan: LoadPlan = JSON.parse(readFileSync(planFile, 'utf8'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const body = JSON.stringify({ itemCode: plan.itemCode, slotId: plan.slotId });
  const answers = await Promise.all(plan.tokens.map((token, index) => new Promise<LoadAnswer>((resolve) => {
    const target = new URL(`${plan.urls[index % plan.urls.length]}/appointments`);
    const started = performance.now();
    const request = http.request({
      agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Idempotency-Key': randomUUID() },
    }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, code: errorCodeOf(text), ms: performance.now() - started }));
    });
    request.on('error', () => resolve({ status: 0, code: 'NETWORK', ms: performance.now() - started }));
    request.end(body);
  })));
  agent.destroy();
  return answers;
}

function errorCodeOf(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text);
    const error: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'error') : undefined;
    const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

if (require.main === module) {
  const [role, argument = ''] = process.argv.slice(2);
  const main = async (): Promise<void> => {
    if (role === 'serve') return serveBff(JSON.parse(argument));
    if (role === 'load') {
      process.stdout.write(JSON.stringify(await fireAttempts(argument)));
      return;
    }
    const result = await runBookingStorm();
    console.log(JSON.stringify(result, null, 2));
    process.exit(result.booked === result.seats ? 0 : 1);
  };
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
