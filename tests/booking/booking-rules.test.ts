import { appointmentListResponseSchema, appointmentResponseSchema, bookingDaysResponseSchema, bookingHallsResponseSchema, bookingSlotsResponseSchema, bookingStatusResponseSchema } from '@govpocket/shared';
import { markNoShows } from '../../bff/src/modules/booking';
import { generateHallSlots } from '../../bff/src/modules/booking/slot-generation';
import { api, at, book, bookingKey, createBookingHall, createResident, slotAt, startBookingEnv, type BookingEnv, type TestHall } from './booking-env';

/**
 * The booking rules of domain.md §2 through the HTTP API, with "today" fixed to the eve of the
 * 2026 National Day holiday (Wednesday 30 September; 1–7 October off; Saturday 10 October a 调休
 * working day).
 */
let env: BookingEnv;
let hall: TestHall;
const weekdays = [1, 2, 3, 4, 5];

beforeAll(async () => {
  env = await startBookingEnv('2026-09-30 08:00');
  hall = await createBookingHall(env, { rules: [{ weekdays, startTime: '09:00', endTime: '12:00', capacity: 2, slotMinutes: 60 }] });
}, 60000);
afterAll(async () => {
  await env.close();
});
beforeEach(() => env.setNow('2026-09-30 08:00'));

describe('choosing a day and a slot', () => {
  it('lists the halls that take bookings for the item, and a resident\'s bookings by scope', async () => {
    const halls = bookingHallsResponseSchema.parse((await api(env).get(`/booking/items/${env.itemCode}/halls`)).body);
    expect(halls.halls.map((candidate) => candidate.id)).toContain(hall.hallId);
    expect((await api(env).get('/booking/items/NO-SUCH-ITEM/halls')).status).toBe(404);
    const resident = await createResident(env);
    const { appointment } = appointmentResponseSchema.parse((await book(env, resident, (await slotAt(env, hall.hallId, '2026-10-08 11:00')).id)).body);
    const upcoming = appointmentListResponseSchema.parse((await api(env).get('/appointments?scope=upcoming').set(resident.auth)).body);
    expect(upcoming.items.map((item) => item.id)).toEqual([appointment.id]);
    expect(appointmentListResponseSchema.parse((await api(env).get('/appointments?scope=past').set(resident.auth)).body).items).toEqual([]);
    expect((await api(env).get(`/appointments/${appointment.id}`).set((await createResident(env)).auth)).status).toBe(404);
    expect((await api(env).get('/appointments')).status).toBe(401);
  });

  it('offers today and the next 7 working days: no National Day holidays, the 调休 Saturday included', async () => {
    const response = await api(env).get(`/booking/halls/${hall.hallId}/days?itemCode=${env.itemCode}`);
    expect(response.status).toBe(200);
    const { days } = bookingDaysResponseSchema.parse(response.body);
    expect(days.map((day) => day.date)).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15']);
    const makeUp = days.find((day) => day.date === '2026-10-10');
    expect(makeUp).toMatchObject({ isMakeupWorkday: true, weekday: 6, capacity: 6 });
    expect(makeUp?.label).toContain('调休');
    expect(await env.prisma.slot.count({ where: { hallId: hall.hallId, date: { gte: new Date('2026-10-01T00:00:00Z'), lte: new Date('2026-10-07T00:00:00Z') } } })).toBe(0);
  });

  it('marks a slot inside the same-day cutoff as 已截止 and refuses to book it', async () => {
    const response = await api(env).get(`/booking/halls/${hall.hallId}/slots?itemCode=${env.itemCode}&date=2026-09-30`);
    const { slots } = bookingSlotsResponseSchema.parse(response.body);
    expect(slots.map((slot) => [slot.startTime, slot.closedReasonLabel])).toEqual([['09:00', '已截止'], ['10:00', null], ['11:00', null]]);
    const resident = await createResident(env);
    const refused = await book(env, resident, (await slotAt(env, hall.hallId, '2026-09-30 09:00')).id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('已截止');
    env.setNow('2026-09-30 08:59');
    expect((await book(env, resident, (await slotAt(env, hall.hallId, '2026-09-30 10:00')).id)).status).toBe(201);
  });

  it('refuses a slot beyond the 7-working-day window', async () => {
    // Slots exist for 16 October once the generator has run on 9 October…
    await generateHallSlots(env.jobs, { hallId: hall.hallId, now: at('2026-10-09 08:00') });
    // …but on 30 September that day is beyond the window.
    const far = await slotAt(env, hall.hallId, '2026-10-16 10:00');
    const response = await book(env, await createResident(env), far.id);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain('7个工作日');
  });
});

describe('per-resident rules', () => {
  it('allows one active booking per item per day', async () => {
    const resident = await createResident(env);
    expect((await book(env, resident, (await slotAt(env, hall.hallId, '2026-10-08 09:00')).id)).status).toBe(201);
    const second = await book(env, resident, (await slotAt(env, hall.hallId, '2026-10-08 10:00')).id);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('当天已预约');
    expect((await book(env, resident, (await slotAt(env, hall.hallId, '2026-10-09 10:00')).id)).status).toBe(201);
  });

  it('caps active bookings at 3, and frees a place when one is cancelled', async () => {
    const resident = await createResident(env);
    const ids: string[] = [];
    for (const time of ['2026-10-12 09:00', '2026-10-13 09:00', '2026-10-14 09:00']) {
      const response = await book(env, resident, (await slotAt(env, hall.hallId, time)).id);
      expect(response.status).toBe(201);
      ids.push(appointmentResponseSchema.parse(response.body).appointment.id);
    }
    const fourth = await book(env, resident, (await slotAt(env, hall.hallId, '2026-10-15 09:00')).id);
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.message).toContain('3个');
    const status = bookingStatusResponseSchema.parse((await api(env).get('/me/booking-status').set(resident.auth)).body);
    expect(status).toMatchObject({ activeCount: 3, maxActive: 3, canBook: false, isPaused: false });
    expect((await api(env).post(`/appointments/${ids[0]}/cancel`).set(resident.auth).set('Idempotency-Key', bookingKey()).send({})).status).toBe(200);
    expect((await book(env, resident, (await slotAt(env, hall.hallId, '2026-10-15 09:00')).id)).status).toBe(201);
  });

  it('answers 已约满 when the slot is full and shows it in the slot list', async () => {
    const slot = await slotAt(env, hall.hallId, '2026-10-10 11:00');
    for (let index = 0; index < 2; index += 1) expect((await book(env, await createResident(env), slot.id)).status).toBe(201);
    const late = await book(env, await createResident(env), slot.id);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'SLOT_FULL', message: '已约满' });
    const { slots } = bookingSlotsResponseSchema.parse((await api(env).get(`/booking/halls/${hall.hallId}/slots?itemCode=${env.itemCode}&date=2026-10-10`)).body);
    expect(slots.find((candidate) => candidate.id === slot.id)).toMatchObject({ remaining: 0, isBookable: false, closedReasonLabel: '已约满' });
    expect((await slotAt(env, hall.hallId, '2026-10-10 11:00')).bookedCount).toBe(2);
  });
});

describe('idempotent booking and cancel', () => {
  it('returns the first answer to a retry and never books twice', async () => {
    const resident = await createResident(env);
    const slot = await slotAt(env, hall.hallId, '2026-10-13 10:00');
    const key = bookingKey();
    const first = await book(env, resident, slot.id, key);
    const retry = await book(env, resident, slot.id, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await env.prisma.appointment.count({ where: { residentId: resident.userId } })).toBe(1);
    const other = await slotAt(env, hall.hallId, '2026-10-13 11:00');
    const reused = await book(env, resident, other.id, key);
    expect(reused.status).toBe(422);
  });

  it('lets exactly one of several simultaneous duplicates book', async () => {
    const resident = await createResident(env);
    const slot = await slotAt(env, hall.hallId, '2026-10-14 10:00');
    const key = bookingKey();
    const answers = await Promise.all(Array.from({ length: 6 }, () => book(env, resident, slot.id, key)));
    const ids = new Set(answers.filter((answer) => answer.status === 201).map((answer) => appointmentResponseSchema.parse(answer.body).appointment.id));
    expect(ids.size).toBe(1);
    expect(answers.every((answer) => answer.status === 201 || (answer.status === 409 && answer.body.error.message === '请勿重复提交'))).toBe(true);
    expect(await env.prisma.appointment.count({ where: { residentId: resident.userId } })).toBe(1);
  });

  it('replays a refusal too, and requires the header', async () => {
    const resident = await createResident(env);
    const full = await slotAt(env, hall.hallId, '2026-10-10 11:00');
    const key = bookingKey();
    const first = await book(env, resident, full.id, key);
    expect(first.status).toBe(409);
    const again = await book(env, resident, full.id, key);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(first.body.error.message);
    const missing = await api(env).post('/appointments').set(resident.auth).send({ itemCode: env.itemCode, slotId: full.id });
    expect(missing.status).toBe(400);
  });

  it('cancels once per key, frees the seat, and refuses within 60 minutes of the slot', async () => {
    const resident = await createResident(env);
    const slot = await slotAt(env, hall.hallId, '2026-10-15 11:00');
    const { appointment } = appointmentResponseSchema.parse((await book(env, resident, slot.id)).body);
    const key = bookingKey();
    const cancelled = await api(env).post(`/appointments/${appointment.id}/cancel`).set(resident.auth).set('Idempotency-Key', key).send({ reason: '临时有事' });
    expect(cancelled.status).toBe(200);
    expect(appointmentResponseSchema.parse(cancelled.body).appointment).toMatchObject({ status: 'CANCELLED', cancelledBy: 'RESIDENT', checkInCode: null });
    const retried = await api(env).post(`/appointments/${appointment.id}/cancel`).set(resident.auth).set('Idempotency-Key', key).send({ reason: '临时有事' });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(cancelled.body);
    expect((await slotAt(env, hall.hallId, '2026-10-15 11:00')).bookedCount).toBe(0);
    expect(await env.prisma.appointmentEvent.count({ where: { appointmentId: appointment.id, toStatus: 'CANCELLED' } })).toBe(1);

    const late = appointmentResponseSchema.parse((await book(env, resident, slot.id)).body).appointment;
    env.setNow('2026-10-15 10:01');
    const refused = await api(env).post(`/appointments/${late.id}/cancel`).set(resident.auth).set('Idempotency-Key', bookingKey()).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('60分钟');
  });
});

describe('reschedule', () => {
  it('moves the seat atomically, never both slots and never neither', async () => {
    const resident = await createResident(env);
    const from = await slotAt(env, hall.hallId, '2026-10-12 11:00');
    const to = await slotAt(env, hall.hallId, '2026-10-13 11:00');
    const { appointment } = appointmentResponseSchema.parse((await book(env, resident, from.id)).body);
    const moved = await api(env).post(`/appointments/${appointment.id}/reschedule`).set(resident.auth).send({ slotId: to.id });
    expect(moved.status).toBe(200);
    expect(appointmentResponseSchema.parse(moved.body).appointment).toMatchObject({ date: '2026-10-13', startTime: '11:00', status: 'BOOKED' });
    expect((await slotAt(env, hall.hallId, '2026-10-12 11:00')).bookedCount).toBe(from.bookedCount);
    expect((await slotAt(env, hall.hallId, '2026-10-13 11:00')).bookedCount).toBe(to.bookedCount + 1);

    const full = await slotAt(env, hall.hallId, '2026-10-10 11:00');
    const refused = await api(env).post(`/appointments/${appointment.id}/reschedule`).set(resident.auth).send({ slotId: full.id });
    expect(refused.status).toBe(409);
    const after = await env.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id }, select: { slotId: true, status: true } });
    expect(after).toEqual({ slotId: to.id, status: 'BOOKED' });
    expect((await slotAt(env, hall.hallId, '2026-10-10 11:00')).bookedCount).toBe(2);

    env.setNow('2026-10-13 10:30');
    const late = await api(env).post(`/appointments/${appointment.id}/reschedule`).set(resident.auth).send({ slotId: (await slotAt(env, hall.hallId, '2026-10-14 11:00')).id });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('改约');
  });
});

describe('no-shows', () => {
  it('marks bookings never checked in as no-shows and pauses the resident after the third', async () => {
    const pauseHall = await createBookingHall(env, { rules: [{ weekdays, startTime: '14:00', endTime: '15:00', capacity: 5, slotMinutes: 60 }] });
    const resident = await createResident(env);
    for (const day of ['2026-09-30', '2026-10-08', '2026-10-09']) expect((await book(env, resident, (await slotAt(env, pauseHall.hallId, `${day} 14:00`)).id)).status).toBe(201);
    env.setNow('2026-10-09 15:14');
    await markNoShows(env.jobs, { now: env.clock.now });
    expect(await env.prisma.appointment.count({ where: { residentId: resident.userId, status: 'NO_SHOW' } })).toBe(2);
    env.setNow('2026-10-09 15:15');
    await markNoShows(env.jobs, { now: env.clock.now });
    expect(await env.prisma.appointment.count({ where: { residentId: resident.userId, status: 'NO_SHOW' } })).toBe(3);

    const status = bookingStatusResponseSchema.parse((await api(env).get('/me/booking-status').set(resident.auth)).body);
    expect(status.isPaused).toBe(true);
    expect(status.pause?.reason).toContain('未到场3次');
    expect(new Date(status.pause?.pausedUntil ?? 0).getTime()).toBe(at('2026-10-09 15:15').getTime() + 30 * 86_400_000);
    expect(await env.prisma.notification.count({ where: { userId: resident.userId, eventType: 'BOOKING_PAUSED' } })).toBe(1);
    const refused = await book(env, resident, (await slotAt(env, pauseHall.hallId, '2026-10-12 14:00')).id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('BOOKING_PAUSED');
    expect(refused.body.error.message).toContain('2026-11-08');
  });
});
