import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type Redis from 'ioredis';
import { createPrismaClient, Prisma, type PrismaClient } from '@govpocket/db';
import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { miniProgramPages } from '@govpocket/shared';
import { seatKeys, seatMember } from '../../bff/src/modules/booking/reservation';
import { connectRedis } from '../../bff/src/platform/redis';
import { startBffProcess, stopProcess, type BffProcess } from '../support/bff-process';
import { freePort } from '../support/private-server';
import { entityIdOf, errorCodeOf, isAcknowledged, isUnknown, send, tally, type BurstAnswer, type BurstRequest, type Recorded } from './burst-client';
import { expectNothingHalfWritten, readBurstStore } from './burst-store';
import { bindPhones, letterBody, loginResidents, seedBurstWorld, type BurstResident, type BurstWorld } from './burst-world';

/**
 * Issue 9: two BFF processes share MySQL and Redis; residents race for fewer seats than there are
 * of them and write letters at the same time, and one process is SIGKILLed in the middle of the
 * burst. Whatever the client was told "yes" (2xx) must be in MySQL, whole; nothing may be
 * half-written; a request whose answer was lost with the process, retried with its key at the
 * survivor, must come back as the original or happen exactly once; the killed process restarts.
 */
const residentCount = 160;
const capacity = 50;
/** The victim is killed once it has acknowledged this many requests, with others still in flight. */
const killAfterAcknowledged = 12;
const victim = 0;
const survivor = 1;

let fake: FakeWechat;
let prisma: PrismaClient;
let redis: Redis;
let world: BurstWorld;
let residents: BurstResident[] = [];
const ports: number[] = [];
const bffs: BffProcess[] = [];
const started: BffProcess[] = [];
const burst: Recorded[] = [];
let inFlightAtKill = 0;
const keyPrefix = `${process.env.REDIS_KEY_PREFIX ?? ''}kill:`;

function bffEnv(): Record<string, string> {
  return {
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    DATABASE_POOL_SIZE: '8',
    REDIS_URL: process.env.REDIS_URL ?? '',
    REDIS_KEY_PREFIX: keyPrefix,
    WECHAT_API_BASE: fake.url,
    WECHAT_APPID: fake.appid,
    WECHAT_SECRET: fake.secret,
    // Every resident logs in from 127.0.0.1.
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    SHUTDOWN_TIMEOUT_MS: '2000',
  };
}

async function startBff(index: number): Promise<BffProcess> {
  const bff = await startBffProcess({ port: ports[index] ?? 0, env: bffEnv() });
  started.push(bff);
  bffs[index] = bff;
  return bff;
}

const bffAt = (index: number): BffProcess => {
  const bff = bffs[index];
  if (!bff) throw new Error(`no BFF process ${index}`);
  return bff;
};
const diagnosis = (): string => started.map((bff, index) => `--- BFF start ${index} ---\n${bff.output.join('').slice(-4000)}`).join('\n');

beforeAll(async () => {
  fake = await startFakeWechat({ pages: [...miniProgramPages] });
  prisma = createPrismaClient(process.env.DATABASE_URL ?? '', { connectionLimit: 6 });
  redis = await connectRedis(process.env.REDIS_URL ?? '');
  world = await seedBurstWorld(prisma, { capacity });
  ports.push(await freePort(), await freePort());
  await Promise.all([startBff(victim), startBff(survivor)]);
  residents = await loginResidents(fake, bffs.map((bff) => bff.url), residentCount);
  await bindPhones(prisma, residents.filter((resident) => isLetterWriter(resident.index)).map((resident) => resident.userId));
}, 60_000);

afterAll(async () => {
  await Promise.all(started.map((bff) => stopProcess(bff.child, 'SIGKILL')));
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await prisma.$disconnect();
  await fake.close();
});

const isLetterWriter = (index: number): boolean => index % 2 === 0;

/** Bookings and letters interleaved; each process gets half of each kind. */
function planBurst(): BurstRequest[] {
  return residents.flatMap((resident) => {
    const booking: BurstRequest = { kind: 'booking', resident: resident.index, token: resident.token, key: `book-${randomUUID()}`, target: resident.index % 2, body: { itemCode: world.itemCode, slotId: world.slotId } };
    if (!isLetterWriter(resident.index)) return [booking];
    const letter: BurstRequest = { kind: 'letter', resident: resident.index, token: resident.token, key: `letter-${randomUUID()}`, target: (resident.index / 2) % 2, body: letterBody(world.mailboxId) };
    return [booking, letter];
  });
}

it('keeps every acknowledged booking and letter, whole, when a BFF is killed mid-burst', async () => {
  // One connection pool per process, capped so that most of the burst queues and is still to be
  // answered when the victim dies.
  const lanes = [victim, survivor].map((target) => ({ target, agent: new http.Agent({ keepAlive: true, maxSockets: 16 }), inFlight: 0, acknowledged: 0 }));
  const laneOf = (target: number) => lanes.find((lane) => lane.target === target) ?? lanes[0];
  let killed: Promise<void> | undefined;
  const fire = async (request: BurstRequest): Promise<void> => {
    const lane = laneOf(request.target);
    if (!lane) throw new Error('no lane');
    lane.inFlight += 1;
    const answer = await send(lane.agent, bffAt(request.target).url, request);
    lane.inFlight -= 1;
    burst.push({ ...request, answer });
    if (isAcknowledged(answer)) lane.acknowledged += 1;
    if (!killed && request.target === victim && lane.acknowledged >= killAfterAcknowledged) {
      inFlightAtKill = lane.inFlight;
      killed = stopProcess(bffAt(victim).child, 'SIGKILL');
    }
  };
  await Promise.all(planBurst().map(fire));
  await killed;
  for (const lane of lanes) lane.agent.destroy();

  expect(killed).toBeDefined();
  expect(inFlightAtKill).toBeGreaterThan(0);
  const store = await readBurstStore(prisma, world, residents.map((resident) => resident.userId));
  // Seats the gate holds for no stored booking: only a request that died with the victim may.
  const seatHolders = new Set(store.appointments.filter((row) => row.status !== 'CANCELLED').map((row) => seatMember(row.residentId, world.itemId)));
  const phantoms = (await redis.zrange(seatKeys(keyPrefix, world.slotId)[0], '0', '-1')).filter((member) => !seatHolders.has(member));
  console.info('burst answers', tally(burst), { inFlightAtKill, openClaims: store.openClaims, phantomSeats: phantoms.length });

  // The survivor answered everything, and only with a booking, a letter or 已约满.
  const survivorAnswers = burst.filter((record) => record.target === survivor);
  const unexpected = survivorAnswers.filter((record) => !(isAcknowledged(record.answer) || errorCodeOf(record.answer) === 'SLOT_FULL'));
  if (unexpected.length > 0) console.error(diagnosis());
  expect(unexpected).toEqual([]);
  const unknownBookers = new Set(burst.filter((record) => record.kind === 'booking' && isUnknown(record.answer)).map((record) => seatMember(residents[record.resident]?.userId ?? '', world.itemId)));
  expect(unknownBookers.size).toBeGreaterThan(0);
  expect(phantoms.filter((member) => !unknownBookers.has(member))).toEqual([]);
  // And they are leases that lapse by themselves, never confirmed seats: a resident who never
  // retries does not keep a seat from others.
  for (const member of phantoms) expect(await redis.zscore(seatKeys(keyPrefix, world.slotId)[0], member)).not.toBe('inf');

  expectNothingHalfWritten(store);
  const appointmentIds = new Set(store.appointments.filter((row) => row.status === 'BOOKED').map((row) => row.id));
  const letterIds = new Set(store.letters.map((row) => row.id));
  const acknowledged = burst.filter((record) => isAcknowledged(record.answer));
  const lost = acknowledged.filter((record) => !(record.kind === 'booking' ? appointmentIds : letterIds).has(entityIdOf(record.kind, record.answer)));
  expect(lost).toEqual([]);
  // Nothing stored that the client never asked for.
  const sentKeys = new Set(burst.map((record) => record.key));
  expect([...store.appointments, ...store.letters].filter((row) => !sentKeys.has(row.idempotencyKey))).toEqual([]);
}, 60_000);

it('retries of the requests whose answer was lost, with the same key at the survivor, neither duplicate nor vanish', async () => {
  const unknown = burst.filter((record) => isUnknown(record.answer));
  expect(unknown.length).toBeGreaterThan(0);
  const before = await readBurstStore(prisma, world, residents.map((resident) => resident.userId));
  const storedBefore = new Map([...before.appointments, ...before.letters].map((row) => [row.idempotencyKey, row.id]));

  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const startedAt = Date.now();
  const retried = await Promise.all(unknown.map(async (record) => ({ record, ...(await retryUntilAnswered(agent, record)) })));
  agent.destroy();
  console.info('retry answers', tally(retried.map(({ record, answer }) => ({ ...record, target: survivor, answer }))), {
    storedBeforeRetry: unknown.filter((record) => storedBefore.has(record.key)).length,
    toldStillRunning: retried.filter(({ attempts }) => attempts > 1).length,
    secondsToLastAnswer: Math.round((Date.now() - startedAt) / 1000),
  });

  const after = await readBurstStore(prisma, world, residents.map((resident) => resident.userId));
  expectNothingHalfWritten(after);
  expect(after.openClaims).toBe(0);
  const storedAfter = new Map([...after.appointments, ...after.letters].map((row) => [row.idempotencyKey, row.id]));
  for (const { record, answer } of retried) {
    const original = storedBefore.get(record.key);
    if (isAcknowledged(answer)) {
      // The original when the first attempt had committed, else the one booking/letter just made.
      expect({ key: record.key, id: entityIdOf(record.kind, answer) }).toEqual({ key: record.key, id: original ?? storedAfter.get(record.key) });
    } else {
      expect({ key: record.key, kind: record.kind, status: answer.status, code: errorCodeOf(answer), original }).toEqual({ key: record.key, kind: 'booking', status: 409, code: 'SLOT_FULL', original: undefined });
      expect(storedAfter.has(record.key)).toBe(false);
    }
  }
  // Every letter whose fate was unknown now exists exactly once.
  expect(unknown.filter((record) => record.kind === 'letter' && !storedAfter.has(record.key))).toEqual([]);
  // The Redis seat gate agrees with MySQL: no seat is still held by a request that died.
  const members = await redis.zrange(seatKeys(keyPrefix, world.slotId)[0], '0', '-1');
  const booked = after.appointments.filter((row) => row.status !== 'CANCELLED').map((row) => seatMember(row.residentId, world.itemId));
  expect(members.sort()).toEqual(booked.sort());
}, 90_000);

it('the killed process restarts on its port and serves again', async () => {
  const restarted = await startBff(victim);
  expect((await fetch(`${restarted.url}/readyz`)).status).toBe(200);
  // An answer the survivor gave is replayed by the restarted process: the keys live in MySQL.
  const acknowledged = burst.find((record) => record.target === survivor && record.kind === 'letter' && isAcknowledged(record.answer));
  if (!acknowledged) throw new Error('the survivor acknowledged no letter');
  const replay = await send(new http.Agent(), restarted.url, acknowledged);
  expect({ status: replay.status, id: entityIdOf('letter', replay) }).toEqual({ status: 201, id: entityIdOf('letter', acknowledged.answer) });
  // And it takes new work.
  const [newcomer] = await loginResidents(fake, [restarted.url], 1);
  if (!newcomer) throw new Error('no newcomer');
  await bindPhones(prisma, [newcomer.userId]);
  const letter = await send(new http.Agent(), restarted.url, { kind: 'letter', resident: -1, token: newcomer.token, key: `letter-${randomUUID()}`, target: victim, body: letterBody(world.mailboxId) });
  expect(letter.status).toBe(201);
}, 60_000);

it('a booking or letter committed just before the kill, its answer lost, is answered with the original on retry', async () => {
  // The state a kill between the commit and the stored answer leaves, once the dead request's
  // claim has expired: the entity is in MySQL, its idempotency record is an open claim.
  for (const kind of ['booking', 'letter'] as const) {
    const record = burst.find((candidate) => candidate.kind === kind && candidate.target === survivor && isAcknowledged(candidate.answer));
    if (!record) throw new Error(`the survivor acknowledged no ${kind}`);
    const userId = residents[record.resident]?.userId ?? '';
    const scope = kind === 'booking' ? `appointment.book:${userId}` : `letter.submit:${userId}`;
    await prisma.idempotencyRecord.update({ where: { scope_key: { scope, key: record.key } }, data: { statusCode: null, response: Prisma.DbNull, expiresAt: new Date(Date.now() - 1000) } });
    const retry = await send(new http.Agent(), bffAt(survivor).url, record);
    expect({ kind, status: retry.status, body: retry.status === 201 ? entityIdOf(kind, retry) : retry.body }).toEqual({ kind, status: 201, body: entityIdOf(kind, record.answer) });
  }
  expectNothingHalfWritten(await readBurstStore(prisma, world, residents.map((resident) => resident.userId)));
});

/** A retry a client would make: again while the server says a first attempt is still running. */
async function retryUntilAnswered(agent: http.Agent, record: Recorded): Promise<{ answer: BurstAnswer; attempts: number }> {
  // A claim whose request died stops blocking within its 15 s lifetime (it is renewed only while running).
  const deadline = Date.now() + 40_000;
  for (let attempts = 1; ; attempts += 1) {
    const answer = await send(agent, bffAt(survivor).url, record);
    const isInProgress = errorCodeOf(answer) === 'DUPLICATE_REQUEST' || answer.status >= 500 || answer.status === 0;
    if (!isInProgress || Date.now() > deadline) return { answer, attempts };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
