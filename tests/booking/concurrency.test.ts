import { appointmentResponseSchema } from '@govpocket/shared';
import { createSessionStore } from '../../bff/src/modules/auth/session-store';
import { seatKeys } from '../../bff/src/modules/booking/reservation';
import type { LoggedIn } from '../support/factories';
import { api, bookingKey, createBookingHall, createResidents, serve, slotAt, startBookingEnv, type BookingEnv } from './booking-env';

/**
 * No overbooking, ever: two BFF instances on one MySQL and one Redis, served over real HTTP,
 * 500 residents racing for 20 seats; then Redis loses the reservation sets mid-day and must
 * rebuild them from the database before taking another booking.
 */
let env: BookingEnv;
let second: Awaited<ReturnType<BookingEnv['startSecondApp']>>;
let servers: Array<{ url: string; close: () => Promise<void> }>;
let slotId: string;
const slotTime = '2026-11-24 10:00';

beforeAll(async () => {
  env = await startBookingEnv('2026-11-24 08:00');
  second = await env.startSecondApp();
  servers = [await serve(env.app), await serve(second.app)];
  const hall = await createBookingHall(env, { rules: [{ weekdays: [2], startTime: '10:00', endTime: '11:00', capacity: 20, slotMinutes: 60 }] });
  slotId = (await slotAt(env, hall.hallId, slotTime)).id;
}, 60000);
afterAll(async () => {
  for (const server of servers) await server.close();
  await second.close();
  await env.close();
});

type Answer = { residentId: string; status: number; body: { error?: { code: string; message: string } } };

async function storm(residents: LoggedIn[]): Promise<Answer[]> {
  return Promise.all(residents.map(async (resident, index) => {
    const server = servers[index % servers.length];
    if (!server) throw new Error('no server');
    const response = await fetch(`${server.url}/appointments`, {
      method: 'POST',
      headers: { ...resident.auth, 'Content-Type': 'application/json', 'Idempotency-Key': bookingKey() },
      body: JSON.stringify({ itemCode: env.itemCode, slotId }),
    });
    const body: unknown = await response.json();
    return { residentId: resident.userId, status: response.status, body: typeof body === 'object' && body !== null ? body : {} };
  }));
}

async function seatsTaken(): Promise<{ bookedCount: number; holders: string[] }> {
  const slot = await env.prisma.slot.findUniqueOrThrow({ where: { id: slotId }, select: { bookedCount: true } });
  const rows = await env.prisma.appointment.findMany({ where: { slotId, status: { not: 'CANCELLED' } }, select: { residentId: true } });
  return { bookedCount: slot.bookedCount, holders: rows.map((row) => row.residentId) };
}

async function flushReservations(): Promise<number> {
  const keys = await env.redis.keys(`${env.config.REDIS_KEY_PREFIX}booking:seat-leases*`);
  if (keys.length > 0) await env.redis.del(...keys);
  return keys.length;
}

const isLoser = (answer: Answer): boolean => answer.status === 409 && answer.body.error?.code === 'SLOT_FULL' && answer.body.error.message === '已约满';

it('books exactly 20 of 500 simultaneous attempts across two instances; every loser hears 已约满', async () => {
  const residents = await createResidents(env, 500);
  const answers = await storm(residents);
  const winners = answers.filter((answer) => answer.status === 201);
  const statuses = answers.reduce<Record<string, number>>((counts, answer) => ({ ...counts, [`${answer.status} ${answer.body.error?.code ?? ''}`]: (counts[`${answer.status} ${answer.body.error?.code ?? ''}`] ?? 0) + 1 }), {});
  expect(statuses).toEqual({ '201 ': 20, '409 SLOT_FULL': 480 });
  expect(winners).toHaveLength(20);
  expect(answers.filter(isLoser)).toHaveLength(480);
  const { bookedCount, holders } = await seatsTaken();
  expect(bookedCount).toBe(20);
  expect(holders).toHaveLength(20);
  expect(new Set(holders).size).toBe(20);
  expect(new Set(holders)).toEqual(new Set(winners.map((winner) => winner.residentId)));
  // Every committed booking confirmed its seat: none is left as a lease that would lapse.
  expect(await seatScores()).toEqual(Array.from({ length: 20 }, () => 'inf'));
}, 60000);

it('rebuilds the reservation set from the database after Redis loses it, and still never overbooks', async () => {
  // One seat comes free; then Redis loses every reservation set; 30 residents race for the seat.
  await cancelOneBooking();
  expect(await flushReservations()).toBeGreaterThan(0);
  const race = await storm(await createResidents(env, 30));
  expect(race.filter((answer) => answer.status === 201)).toHaveLength(1);
  expect(race.filter(isLoser)).toHaveLength(29);
  const { bookedCount, holders } = await seatsTaken();
  expect(bookedCount).toBe(20);
  expect(new Set(holders).size).toBe(20);
  expect(await env.redis.zcard(seatSetKey())).toBe(20);
}, 60000);

it('trusts the database when the Redis set drifted (a seat missing from it)', async () => {
  await cancelOneBooking();
  const [member] = await env.redis.zrandmember(seatSetKey(), 1);
  if (!member) throw new Error('empty reservation set');
  await env.redis.zrem(seatSetKey(), member); // Redis now believes two seats are free; one is
  const answers = await storm(await createResidents(env, 10));
  expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
  expect(answers.filter(isLoser)).toHaveLength(9);
  expect((await seatsTaken()).bookedCount).toBe(20);
  // The disagreement dropped the set's "loaded" marker: its next use rebuilds it from the database.
  expect(await env.redis.exists(seatKeys(env.config.REDIS_KEY_PREFIX, slotId)[1])).toBe(0);
}, 30000);

it('frees a seat held by a request that died (its lease lapses) without waiting for a rebuild', async () => {
  const [resident] = await createResidents(env, 1);
  if (!resident) throw new Error('no resident');
  const book = () => fetch(`${servers[0]?.url ?? ''}/appointments`, {
    method: 'POST', headers: { ...resident.auth, 'Content-Type': 'application/json', 'Idempotency-Key': bookingKey(), Connection: 'close' }, body: JSON.stringify({ itemCode: env.itemCode, slotId }),
  });
  expect((await book()).status).toBe(409); // full; the gate has (re)loaded the slot's seats
  await cancelOneBooking();
  // A request took the freed seat at the gate and its process died before the database: a lease.
  const [seconds, micros] = await env.redis.time();
  await env.redis.zadd(seatSetKey(), String(Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) + 1500), 'dead-request:item');
  expect((await book()).status).toBe(409); // the gate believes the slot is full…
  await new Promise((resolve) => setTimeout(resolve, 1600));
  expect((await book()).status).toBe(201); // …until the dead request's lease lapses
  expect((await seatsTaken()).bookedCount).toBe(20);
  expect(await env.redis.zscore(seatSetKey(), 'dead-request:item')).toBeNull();
  expect(await seatScores()).toEqual(Array.from({ length: 20 }, () => 'inf'));
}, 30000);

it('answers 503 rather than booking when Redis is unreachable', async () => {
  const [resident] = await createResidents(env, 1);
  if (!resident) throw new Error('no resident');
  const broken = await env.startSecondApp();
  broken.redis.disconnect();
  const response = await api({ app: broken.app }).post('/appointments').set(resident.auth).set('Idempotency-Key', bookingKey()).send({ itemCode: env.itemCode, slotId });
  expect(response.status).toBe(503);
  expect(await env.prisma.appointment.count({ where: { residentId: resident.userId } })).toBe(0);
  await broken.close();
});

const seatSetKey = (): string => seatKeys(env.config.REDIS_KEY_PREFIX, slotId)[0];

/** The scores of the slot's seat set: 'inf' for a confirmed booking, a lapse time for a lease. */
async function seatScores(): Promise<string[]> {
  const flat = await env.redis.zrange(seatSetKey(), '0', '-1', 'WITHSCORES');
  return flat.filter((_value, index) => index % 2 === 1);
}

/** A resident of the slot cancels through the API (their session written straight to Redis). */
async function cancelOneBooking(): Promise<void> {
  const holder = await env.prisma.appointment.findFirstOrThrow({ where: { slotId, status: 'BOOKED' }, select: { id: true, residentId: true } });
  const { token } = await createSessionStore({ redis: env.redis, keyPrefix: env.config.REDIS_KEY_PREFIX, ttlSeconds: 600 }).create(holder.residentId);
  const cancelled = await api(env).post(`/appointments/${holder.id}/cancel`).set({ Authorization: `Bearer ${token}` }).set('Idempotency-Key', bookingKey()).send({});
  expect(appointmentResponseSchema.parse(cancelled.body).appointment.status).toBe('CANCELLED');
  expect((await seatsTaken()).bookedCount).toBe(19);
}
