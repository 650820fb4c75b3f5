import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { errorBodySchema, guideDetailSchema, guideListResponseSchema, guideSearchResponseSchema, homeScreenSchema } from '@govpocket/shared';
import { api, book, createBookingHall, createResident, createResidents, slotAt, startBookingEnv, type BookingEnv } from '../booking/booking-env';
import { eventually } from '../support/eventually';
import { loginAs, type LoggedIn } from '../support/factories';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';

/**
 * Issue 9: Redis stopped mid-run. Public guide reads skip the cache and answer from MySQL;
 * anything that needs a session or a seat answers 503 (never 200 as a stranger, never an
 * overbooking); once Redis is back the same app instance logs in, books and caches again, and
 * the seat gate, empty after the restart, is rebuilt from the database before it takes a booking.
 */
let redisServer: PrivateRedis | undefined;
let env: BookingEnv;
let guide: { code: string; name: string };
let slotA: { id: string; capacity: number };
let slotB: { id: string; capacity: number };
let holders: [LoggedIn, LoggedIn];

beforeAll(async () => {
  redisServer = await startPrivateRedis();
  const url = redisServer.url;
  env = await startBookingEnv('2026-11-24 08:00', { env: () => ({ REDIS_URL: url }) });
  const hall = await createBookingHall(env, {
    rules: [
      { weekdays: [2], startTime: '10:00', endTime: '11:00', capacity: 3, slotMinutes: 60 },
      { weekdays: [2], startTime: '14:00', endTime: '15:00', capacity: 4, slotMinutes: 60 },
    ],
  });
  slotA = await slotAt(env, hall.hallId, '2026-11-24 10:00');
  slotB = await slotAt(env, hall.hallId, '2026-11-24 14:00');
  guide = await createGuide(env);
}, 60_000);

afterAll(async () => {
  try {
    await env?.close();
  } finally {
    await redisServer?.stop();
  }
});

/** A published guide nobody has read yet: no process or Redis copy of it exists. */
async function createGuide(world: BookingEnv): Promise<{ code: string; name: string }> {
  const suffix = randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();
  const department = await world.prisma.department.create({ data: { name: `测试缓存局${suffix}` }, select: { id: true } });
  return world.prisma.serviceItem.create({
    data: {
      code: `R${suffix}-QT-0001`, name: `停缓存测试事项${suffix}`, type: 'PUBLIC_SERVICE', departmentId: department.id, audience: 'INDIVIDUAL',
      themes: ['测试'], keywords: ['停缓存'], basis: [], conditions: [], statutoryDays: 10, promisedDays: 3, onSiteTrips: 0, onlineDepth: 'LEVEL_4',
      deliveryMethods: ['ELECTRONIC'], isAppointmentEnabled: false, hours: '工作日 9:00-17:00', status: 'PUBLISHED', revisedAt: new Date(), publishedAt: new Date(),
      materials: { create: [{ sortOrder: 1, name: '居民身份证', form: 'ORIGINAL', isRequired: true, source: 'APPLICANT' }] },
    },
    select: { code: true, name: true },
  });
}

/** Waits until the app's own Redis connection (not just the server) answers again. */
async function redisIsBack(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await api(env).get('/readyz')).status !== 200) {
    if (Date.now() > deadline) throw new Error('the app did not reconnect to Redis');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function redisIsDown(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await api(env).get('/readyz')).status !== 503) {
    if (Date.now() > deadline) throw new Error('the app still reaches the stopped Redis');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function expectUnavailable(response: Response): void {
  expect(response.status).toBe(503);
  const body = errorBodySchema.parse(response.body);
  expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
  expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(body.error.requestId).toBe(response.headers['x-request-id']);
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
}

async function activeRows(slotId: string): Promise<string[]> {
  const rows = await env.prisma.appointment.findMany({ where: { slotId, status: { not: 'CANCELLED' } }, select: { residentId: true } });
  return rows.map((row) => row.residentId);
}

async function bookedCount(slotId: string): Promise<number> {
  return (await env.prisma.slot.findUniqueOrThrow({ where: { id: slotId }, select: { bookedCount: true } })).bookedCount;
}

it('books normally while Redis runs (two of the three seats of slot A)', async () => {
  holders = [await createResident(env), await createResident(env)];
  for (const holder of holders) expect((await book(env, holder, slotA.id)).status).toBe(201);
  expect(await activeRows(slotA.id)).toHaveLength(2);
  // A guide read while Redis runs: this process and Redis keep a copy of it.
  expect((await api(env).get(`/guides/${env.itemCode}`)).status).toBe(200);
});

const renamed = `停缓存期间改名的事项${randomUUID().slice(0, 4)}`;

describe('while Redis is stopped', () => {
  let resident: LoggedIn;

  beforeAll(async () => {
    resident = await createResident(env);
    await redisServer?.stop();
    await redisIsDown();
  });

  it('answers public guide reads from MySQL, the cache bypassed', async () => {
    // Never read before: no copy anywhere, so the answer can only come from MySQL.
    const detail = await api(env).get(`/guides/${guide.code}`);
    expect(detail.status).toBe(200);
    expect(guideDetailSchema.parse(detail.body)).toMatchObject({ code: guide.code, name: guide.name });
    expect((await api(env).get(`/guides/${env.itemCode}`)).status).toBe(200);
    expect((await api(env).get('/guides/NO-SUCH-GUIDE')).status).toBe(404);

    const list = await api(env).get('/guides?pageSize=50');
    expect(list.status).toBe(200);
    expect(guideListResponseSchema.parse(list.body).items.map((item) => item.code)).toEqual(expect.arrayContaining([guide.code, env.itemCode]));
    expect((await api(env).get('/guide-catalog')).status).toBe(200);

    const search = await api(env).get(`/guide-search?q=${encodeURIComponent(guide.name)}`);
    expect(search.status).toBe(200);
    expect(guideSearchResponseSchema.parse(search.body).items.map((item) => item.code)).toContain(guide.code);

    const home = await api(env).get('/home');
    expect(home.status).toBe(200);
    expect(homeScreenSchema.parse(home.body).unreadCount).toBeNull();

    // An edit whose cache bump was lost with Redis (made straight in MySQL here).
    await env.prisma.serviceItem.update({ where: { code: env.itemCode }, data: { name: renamed } });
  });

  it('fails closed for a signed-in request: 503, never served as an anonymous one', async () => {
    expectUnavailable(await api(env).get(`/guides/${guide.code}`).set(resident.auth));
    expectUnavailable(await api(env).get('/appointments').set(resident.auth));
    expectUnavailable(await api(env).get('/home').set(resident.auth));
    // Logging in needs Redis too (rate limit, session): 503, not a token that would not work.
    const { code } = env.fake.control.mintLoginCode(`oREDIS_${randomUUID().slice(0, 8)}`);
    expectUnavailable(await api(env).post('/auth/wechat').send({ code }));
  });

  it('answers a booking with 503 and Retry-After, and writes no appointment', async () => {
    const before = await env.prisma.appointment.count();
    expectUnavailable(await book(env, resident, slotA.id));
    expectUnavailable(await book(env, holders[0], slotB.id));
    expect(await env.prisma.appointment.count()).toBe(before);
    expect(await env.prisma.idempotencyRecord.count({ where: { userId: resident.userId } })).toBe(0);
  });
});

describe('after Redis is back (empty: sessions and seat sets were lost), with no app restart', () => {
  beforeAll(async () => {
    await redisServer?.start();
    await redisIsBack();
  });

  it('asks sessions lost with Redis to log in again, then logs in and books', async () => {
    expect((await api(env).get('/appointments').set((holders[0]).auth)).status).toBe(401);
    const resident = await loginAs(env);
    const booked = await book(env, resident, slotA.id);
    expect(booked.status).toBe(201);
    expect((await api(env).get('/appointments').set(resident.auth)).status).toBe(200);
  });

  it('rebuilt the seat gate from MySQL: slot A, with two seats booked before the restart, takes exactly one more', async () => {
    // The first booking after the restart took the third seat; a crowd now races for none.
    const crowd = await createResidents(env, 8);
    const answers = await Promise.all(crowd.map((resident) => book(env, resident, slotA.id)));
    expect(answers.map((answer) => `${answer.status} ${String(answer.body?.error?.code ?? '')}`)).toEqual(crowd.map(() => '409 SLOT_FULL'));
    expect(await activeRows(slotA.id)).toHaveLength(slotA.capacity);
    expect(await bookedCount(slotA.id)).toBe(slotA.capacity);
  });

  it('caches guide answers in Redis again, and never serves a copy kept from before the restart', async () => {
    // The process still holds the detail it served before the outage; the restarted Redis must
    // not hand out a version under which that old copy counts as current (a process re-reads the
    // version at least once a second).
    const readName = async (): Promise<string> => guideDetailSchema.parse((await api(env).get(`/guides/${env.itemCode}`)).body).name;
    expect(await eventually(readName, (name) => name === renamed, 3000)).toBe(renamed);
    expect((await api(env).get(`/guides/${guide.code}`)).status).toBe(200);
    const keys = await env.redis.keys(`${env.config.REDIS_KEY_PREFIX}guide:v*:detail:${guide.code}`);
    expect(keys).toHaveLength(1);
  });
});

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const outcome = (response: Response): string => `${response.status} ${String(response.body?.error?.code ?? '')}`;

it('never books more than the capacity while Redis flaps under a booking burst', async () => {
  const winners: string[] = [];
  const seen: string[] = [];
  const race = async (crowd: LoggedIn[], spacingMs: number): Promise<void> => {
    const answers = await Promise.all(crowd.map(async (resident, index) => {
      await pause(index * spacingMs);
      return { resident, response: await book(env, resident, slotB.id) };
    }));
    for (const { resident, response } of answers) {
      seen.push(outcome(response));
      if (response.status === 201) winners.push(resident.userId);
    }
  };
  for (let round = 0; round < 3; round += 1) {
    // Requests keep arriving while Redis dies and comes back (empty: later ones hear 401).
    const burst = race(await createResidents(env, 12), 8);
    await pause(20 + round * 10);
    await redisServer?.stop();
    await redisServer?.start();
    await burst;
    await redisIsBack();
  }
  // Redis steady again: the slot fills up to its capacity and not one seat beyond.
  await race(await createResidents(env, 8), 0);
  expect(seen.filter((answer) => !['201 ', '409 SLOT_FULL', '503 SERVICE_UNAVAILABLE', '401 UNAUTHENTICATED'].includes(answer))).toEqual([]);
  expect(seen).toContain('503 SERVICE_UNAVAILABLE');
  const rows = await activeRows(slotB.id);
  expect(rows).toHaveLength(slotB.capacity);
  expect(await bookedCount(slotB.id)).toBe(slotB.capacity);
  expect(new Set(rows)).toEqual(new Set(winners));
}, 60_000);
