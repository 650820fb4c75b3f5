import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type Redis from 'ioredis';
import { startFakeWechat, type FakeWechat, type FakeWechatOptions } from '@govpocket/fake-wechat';
import { miniProgramPages } from '@govpocket/shared';
import { createPrismaClient, type PrismaClient } from '@govpocket/db';
import { createApp, type App } from '../../bff/src/app';
import { loadConfig } from '../../bff/src/config';
import { createSessionStore } from '../../bff/src/modules/auth/session-store';
import { createCalendarService } from '../../bff/src/modules/calendar/service';
import { createBookingSettingsReader } from '../../bff/src/modules/booking/settings';
import { generateHallSlots, type SlotGenerationDeps } from '../../bff/src/modules/booking/slot-generation';
import { createLogger, type Logger } from '../../bff/src/platform/logger';
import { connectRedis } from '../../bff/src/platform/redis';
import type { WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, type LoggedIn } from '../support/factories';

/**
 * The booking suites' world: the real app on this worker's MySQL and Redis with a clock the test
 * sets ("today" is a real 2026 date), halls of their own (so suites sharing a database never meet)
 * and residents whose sessions are written straight into the session store.
 */
export type Clock = { now: Date };
export type BookingEnv = WechatTestApp & {
  clock: Clock;
  setNow: (shanghaiTime: string) => void;
  jobs: SlotGenerationDeps;
  itemCode: string;
  itemId: string;
  /** Another instance of the BFF on the same database, Redis and clock. */
  startSecondApp: () => Promise<{ app: App; redis: Redis; close: () => Promise<void> }>;
};

/** e.g. at('2026-09-30 08:00') — a Shanghai wall-clock time. */
export const at = (shanghaiTime: string): Date => new Date(`${shanghaiTime.replace(' ', 'T')}:00+08:00`);

/** Suites that need more (the fee suites' WeChat Pay merchant) shape the fake and add settings. */
export type BookingEnvOptions = { fake?: FakeWechatOptions; env?: (fake: FakeWechat) => Record<string, string>; logger?: Logger };

export async function startBookingEnv(startAt: string, options: BookingEnvOptions = {}): Promise<BookingEnv> {
  const fake = await startFakeWechat({ pages: [...miniProgramPages], ...options.fake });
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', WECHAT_API_BASE: fake.url, WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHATPAY_API_BASE: fake.url, ...options.env?.(fake) });
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const clock: Clock = { now: at(startAt) };
  const now = (): Date => clock.now;
  const open = async (): Promise<{ app: App; prisma: PrismaClient; redis: Redis; close: () => Promise<void> }> => {
    const prisma = createPrismaClient(config.DATABASE_URL, { connectionLimit: 8 });
    const redis = await connectRedis(config.REDIS_URL);
    const app = createApp({ config, logger, prisma, redis, now });
    return { app, prisma, redis, close: async () => { await app.close(); await prisma.$disconnect(); redis.disconnect(); } };
  };
  const first = await open();
  const item = await createBookableItem(first.prisma);
  const jobs: SlotGenerationDeps = {
    prisma: first.prisma,
    calendar: createCalendarService({ prisma: first.prisma, redis: first.redis, keyPrefix: config.REDIS_KEY_PREFIX }),
    settings: createBookingSettingsReader(first.prisma),
  };
  return {
    app: first.app, config, prisma: first.prisma, redis: first.redis, fake, clock, jobs, itemCode: item.code, itemId: item.id,
    setNow: (time) => { clock.now = at(time); },
    startSecondApp: async () => {
      const second = await open();
      return { app: second.app, redis: second.redis, close: second.close };
    },
    close: async () => { await first.close(); await fake.close(); },
  };
}

/** A published 最多跑一次 item of a department of its own, with two materials (no demo seed needed). */
async function createBookableItem(prisma: PrismaClient): Promise<{ id: string; code: string }> {
  const suffix = randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();
  const department = await prisma.department.create({ data: { name: `测试预约局${suffix}` }, select: { id: true } });
  return prisma.serviceItem.create({
    data: {
      code: `T${suffix}-QR-0001`, name: `测试预约事项${suffix}`, type: 'ADMINISTRATIVE_CONFIRMATION', departmentId: department.id, audience: 'INDIVIDUAL',
      themes: [], keywords: [], basis: [], conditions: [], statutoryDays: 20, promisedDays: 5, onSiteTrips: 1, onlineDepth: 'LEVEL_3',
      deliveryMethods: ['WINDOW_PICKUP', 'MAIL'], isAppointmentEnabled: true, hours: '工作日 9:00-17:00', status: 'PUBLISHED', revisedAt: new Date(), publishedAt: new Date(),
      materials: {
        create: [
          { sortOrder: 1, name: '居民身份证', form: 'ORIGINAL_AND_COPY', isRequired: true, source: 'APPLICANT' },
          { sortOrder: 2, name: '户口簿', form: 'ORIGINAL', isRequired: true, source: 'GOVERNMENT_ISSUED' },
        ],
      },
    },
    select: { id: true, code: true },
  });
}

export type TestHall = { hallId: string; windowIds: string[]; templateId: string };
type RuleSpec = { weekdays: number[]; startTime: string; endTime: string; capacity: number; slotMinutes?: number };

/** A hall of its own with two windows serving the env's item, a weekday template, slots generated. */
export async function createBookingHall(env: BookingEnv, { rules, queuePrefix = 'A' }: { rules: RuleSpec[]; queuePrefix?: string }): Promise<TestHall> {
  const suffix = randomUUID().slice(0, 8);
  const hall = await env.prisma.hall.create({ data: { name: `测试预约大厅${suffix}`, address: '清江市测试路8号', hours: '工作日 9:00-17:00' }, select: { id: true } });
  const windows = await Promise.all(['A01', 'A02'].map((code) => env.prisma.serviceWindow.create({ data: { hallId: hall.id, code, name: `综合窗口${code}`, kind: 'COMPREHENSIVE' }, select: { id: true } })));
  await env.prisma.serviceItemHall.create({ data: { itemId: env.itemId, hallId: hall.id, queuePrefix } });
  await env.prisma.serviceWindowItem.createMany({ data: windows.map((window) => ({ windowId: window.id, itemId: env.itemId })) });
  const template = await env.prisma.scheduleTemplate.create({
    data: {
      hallId: hall.id, name: '测试作息', validFrom: new Date('2026-01-01T00:00:00Z'),
      rules: { createMany: { data: rules.flatMap((rule) => rule.weekdays.map((weekday) => ({ weekday, startTime: rule.startTime, endTime: rule.endTime, capacity: rule.capacity, slotMinutes: rule.slotMinutes ?? 30 }))) } },
    },
    select: { id: true },
  });
  await generateHallSlots(env.jobs, { hallId: hall.id, now: env.clock.now });
  return { hallId: hall.id, windowIds: windows.map((window) => window.id), templateId: template.id };
}

export async function slotAt(env: BookingEnv, hallId: string, shanghaiTime: string): Promise<{ id: string; capacity: number; bookedCount: number }> {
  return env.prisma.slot.findFirstOrThrow({ where: { hallId, startsAt: at(shanghaiTime) }, select: { id: true, capacity: true, bookedCount: true } });
}

/** Residents with live sessions, created directly (no WeChat round trip). */
export async function createResidents(env: Pick<BookingEnv, 'prisma' | 'redis' | 'config'>, count: number): Promise<LoggedIn[]> {
  const sessions = createSessionStore({ redis: env.redis, keyPrefix: env.config.REDIS_KEY_PREFIX, ttlSeconds: 3600 });
  const openids = Array.from({ length: count }, () => `oBOOK_${randomUUID().replace(/-/g, '').slice(0, 20)}`);
  await env.prisma.user.createMany({ data: openids.map((openid) => ({ openid })) });
  const users = await env.prisma.user.findMany({ where: { openid: { in: openids } }, select: { id: true, openid: true } });
  return Promise.all(users.map(async (user) => {
    const { token } = await sessions.create(user.id);
    return { userId: user.id, openid: user.openid, token, auth: { Authorization: `Bearer ${token}` } };
  }));
}

export async function createResident(env: BookingEnv): Promise<LoggedIn> {
  const [resident] = await createResidents(env, 1);
  if (!resident) throw new Error('no resident created');
  // A WeChat user of the app, as one who logged in is (content safety checks name them by openid).
  env.fake.control.upsertUser({ openid: resident.openid });
  return resident;
}

export async function createHallStaff(env: BookingEnv, hallId: string): Promise<LoggedIn> {
  return createStaff(env, [{ role: 'WINDOW_STAFF', hallId }]);
}

export function api(env: Pick<BookingEnv, 'app'>) {
  return request(env.app.callback());
}

export function bookingKey(): string {
  return `test-${randomUUID()}`;
}

/** POST /appointments as the resident does, with a fresh Idempotency-Key unless given. */
export function book(env: Pick<BookingEnv, 'app' | 'itemCode'>, resident: LoggedIn, slotId: string, key = bookingKey()) {
  return api(env).post('/appointments').set(resident.auth).set('Idempotency-Key', key).send({ itemCode: env.itemCode, slotId });
}

export async function serve(app: App): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
