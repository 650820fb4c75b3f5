import { appointmentResponseSchema, callNextResponseSchema, hallCancelResponseSchema, staffWindowsResponseSchema, queuePositionResponseSchema, staffAppointmentResponseSchema, staffDayResponseSchema } from '@govpocket/shared';
import type { LoggedIn } from '../support/factories';
import { api, book, bookingKey, createBookingHall, createHallStaff, createResident, slotAt, startBookingEnv, type BookingEnv, type TestHall } from './booking-env';

/** The window staff's day: check-in, queue, call, serve, complete, no-show, transfer, hall cancellations. */
let env: BookingEnv;
let hall: TestHall;
let other: TestHall;
let staff: LoggedIn;
const weekdays = [1, 2, 3, 4, 5];

beforeAll(async () => {
  env = await startBookingEnv('2026-11-25 08:00');
  hall = await createBookingHall(env, { rules: [{ weekdays, startTime: '09:00', endTime: '12:00', capacity: 5, slotMinutes: 60 }] });
  other = await createBookingHall(env, { rules: [{ weekdays, startTime: '09:00', endTime: '12:00', capacity: 5, slotMinutes: 60 }] });
  staff = await createHallStaff(env, hall.hallId);
}, 60000);
afterAll(async () => {
  await env.close();
});
beforeEach(() => env.setNow('2026-11-25 08:00'));

const staffPost = (path: string, body: object = {}) => api(env).post(`/staff/halls/${hall.hallId}${path}`).set(staff.auth).send(body);
const [windowOne, windowTwo] = [() => hall.windowIds[0] ?? '', () => hall.windowIds[1] ?? ''];

async function bookToday(time = '10:00'): Promise<{ resident: LoggedIn; id: string; code: string; qr: string }> {
  const resident = await createResident(env);
  const response = await book(env, resident, (await slotAt(env, hall.hallId, `2026-11-25 ${time}`)).id);
  expect(response.status).toBe(201);
  const { appointment } = appointmentResponseSchema.parse(response.body);
  return { resident, id: appointment.id, code: appointment.checkInCode ?? '', qr: appointment.qrPayload ?? '' };
}

async function statusOf(id: string): Promise<string> {
  return (await env.prisma.appointment.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

async function notificationsOf(userId: string, eventType: 'BOOKING_CALLED' | 'BOOKING_CANCELLED_BY_HALL' | 'RATING_REQUEST'): Promise<number> {
  return env.prisma.notification.count({ where: { userId, eventType } });
}

describe('check-in and the queue', () => {
  it('checks in by 6-digit code or QR payload, issues queue numbers and shows 前面还有 N 人', async () => {
    const first = await bookToday('10:00');
    const second = await bookToday('11:00');
    const byCode = await staffPost('/check-in', { code: first.code });
    expect(byCode.status).toBe(200);
    expect(staffAppointmentResponseSchema.parse(byCode.body).appointment).toMatchObject({ status: 'CHECKED_IN', queueNumber: 'A001' });
    const byQr = staffAppointmentResponseSchema.parse((await staffPost('/check-in', { code: second.qr })).body);
    expect(byQr.appointment.queueNumber).toBe('A002');

    const mine = appointmentResponseSchema.parse((await api(env).get(`/appointments/${second.id}`).set(second.resident.auth)).body).appointment;
    expect(mine).toMatchObject({ status: 'CHECKED_IN', queueNumber: 'A002', aheadCount: 1 });
    expect((await staffPost('/check-in', { code: first.code })).status).toBe(409);
    expect((await staffPost('/check-in', { code: '000000' === first.code ? '111111' : '000000' })).status).toBe(404);

    const called = callNextResponseSchema.parse((await staffPost(`/windows/${windowOne()}/call-next`)).body);
    expect(called.appointment).toMatchObject({ id: first.id, status: 'CALLED', queueNumber: 'A001' });
    expect(await notificationsOf(first.resident.userId, 'BOOKING_CALLED')).toBe(1);
    const queue = queuePositionResponseSchema.parse((await api(env).get(`/appointments/${first.id}/queue`).set(first.resident.auth)).body);
    expect(queue).toMatchObject({ status: 'CALLED', calledWindow: { code: 'A01' } });
    const secondQueue = queuePositionResponseSchema.parse((await api(env).get(`/appointments/${second.id}/queue`).set(second.resident.auth)).body);
    expect(secondQueue).toMatchObject({ status: 'CHECKED_IN', aheadCount: 0 });

    expect(staffAppointmentResponseSchema.parse((await staffPost(`/appointments/${first.id}/serve`)).body).appointment.status).toBe('SERVING');
    expect(staffAppointmentResponseSchema.parse((await staffPost(`/appointments/${first.id}/complete`)).body).appointment.status).toBe('COMPLETED');
    expect(await notificationsOf(first.resident.userId, 'RATING_REQUEST')).toBe(1);

    const day = staffDayResponseSchema.parse((await api(env).get(`/staff/halls/${hall.hallId}/appointments?date=2026-11-25`).set(staff.auth)).body);
    const rows = day.slots.flatMap((slot) => slot.appointments);
    expect(rows.find((row) => row.id === first.id)?.status).toBe('COMPLETED');
    expect(day.waitingCount).toBe(1);
    expect(callNextResponseSchema.parse((await staffPost(`/windows/${windowOne()}/call-next`)).body).appointment?.id).toBe(second.id);
    expect(callNextResponseSchema.parse((await staffPost(`/windows/${windowOne()}/call-next`)).body)).toEqual({ appointment: null, message: '当前没有等候办理的群众' });
  });

  it('refuses to check in a booking of another day', async () => {
    const resident = await createResident(env);
    const { appointment } = appointmentResponseSchema.parse((await book(env, resident, (await slotAt(env, hall.hallId, '2026-11-26 10:00')).id)).body);
    const response = await staffPost('/check-in', { code: appointment.qrPayload ?? '' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain('不是今天');
  });

  it('transfers a called resident to another window of the hall and tells them', async () => {
    const visit = await bookToday('10:00');
    await staffPost('/check-in', { code: visit.code });
    await staffPost(`/windows/${windowOne()}/call-next`);
    const moved = await staffPost(`/appointments/${visit.id}/transfer`, { windowId: windowTwo() });
    expect(moved.status).toBe(200);
    expect(staffAppointmentResponseSchema.parse(moved.body).appointment).toMatchObject({ status: 'CALLED', calledWindow: { id: windowTwo() } });
    expect(await notificationsOf(visit.resident.userId, 'BOOKING_CALLED')).toBe(2);
    expect((await staffPost(`/appointments/${visit.id}/transfer`, { windowId: other.windowIds[0] ?? '' })).status).toBe(404);
  });
});

describe('the state machine', () => {
  it('refuses every illegal transition with 409 and a clear message', async () => {
    const visit = await bookToday('11:00');
    const expectIllegal = async (path: string, body: object = {}): Promise<void> => {
      const response = await staffPost(path, body);
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('ILLEGAL_TRANSITION');
      expect(response.body.error.message).toMatch(/不能/);
    };
    // BOOKED
    for (const action of ['serve', 'complete']) await expectIllegal(`/appointments/${visit.id}/${action}`);
    await expectIllegal(`/appointments/${visit.id}/transfer`, { windowId: windowTwo() });
    await expectIllegal(`/appointments/${visit.id}/no-show`); // its slot has not started
    // CHECKED_IN
    await staffPost('/check-in', { code: visit.code });
    for (const action of ['serve', 'complete', 'no-show']) await expectIllegal(`/appointments/${visit.id}/${action}`);
    // CALLED
    await staffPost(`/windows/${windowOne()}/call-next`);
    await expectIllegal(`/appointments/${visit.id}/complete`);
    await expectIllegal('/check-in', { code: visit.code });
    // SERVING
    await staffPost(`/appointments/${visit.id}/serve`);
    for (const action of ['serve', 'no-show']) await expectIllegal(`/appointments/${visit.id}/${action}`);
    await expectIllegal(`/appointments/${visit.id}/cancel`, { reason: '系统故障' });
    // COMPLETED
    await staffPost(`/appointments/${visit.id}/complete`);
    for (const action of ['serve', 'complete', 'no-show']) await expectIllegal(`/appointments/${visit.id}/${action}`);
    const resident = await api(env).post(`/appointments/${visit.id}/cancel`).set(visit.resident.auth).set('Idempotency-Key', bookingKey()).send({});
    expect(resident.status).toBe(409);
    expect(await env.prisma.appointmentEvent.count({ where: { appointmentId: visit.id } })).toBe(5);
  });

  it('marks a no-show once the slot has started, and a called resident who never came', async () => {
    env.setNow('2026-11-25 07:30');
    const absent = await bookToday('09:00');
    env.setNow('2026-11-25 09:05');
    expect(staffAppointmentResponseSchema.parse((await staffPost(`/appointments/${absent.id}/no-show`)).body).appointment.status).toBe('NO_SHOW');
    const called = await bookToday('11:00');
    await staffPost('/check-in', { code: called.code });
    await staffPost(`/windows/${windowTwo()}/call-next`);
    expect(await statusOf(called.id)).toBe('CALLED');
    expect(staffAppointmentResponseSchema.parse((await staffPost(`/appointments/${called.id}/no-show`)).body).appointment.status).toBe('NO_SHOW');
  });
});

describe('windows', () => {
  it('lists the hall\'s windows for calling and transfers', async () => {
    const { windows } = staffWindowsResponseSchema.parse((await api(env).get(`/staff/halls/${hall.hallId}/windows`).set(staff.auth)).body);
    expect(windows.map((window) => window.id)).toEqual(hall.windowIds);
  });
});

describe('scope', () => {
  it('keeps staff of one hall out of another (403), and residents out of the workbench', async () => {
    const visit = await bookToday('10:00');
    const outsider = await createHallStaff(env, other.hallId);
    expect((await api(env).get(`/staff/halls/${hall.hallId}/appointments`).set(outsider.auth)).status).toBe(403);
    expect((await api(env).post(`/staff/halls/${hall.hallId}/check-in`).set(outsider.auth).send({ code: visit.code })).status).toBe(403);
    expect((await api(env).post(`/staff/halls/${hall.hallId}/appointments/${visit.id}/cancel`).set(outsider.auth).send({ reason: '越权取消' })).status).toBe(403);
    // Through their own hall's path the appointment simply is not there.
    expect((await api(env).post(`/staff/halls/${other.hallId}/appointments/${visit.id}/serve`).set(outsider.auth)).status).toBe(404);
    expect((await api(env).get(`/staff/halls/${hall.hallId}/appointments`).set(visit.resident.auth)).status).toBe(403);
    expect((await api(env).get(`/staff/halls/${hall.hallId}/appointments`)).status).toBe(401);
    expect(await statusOf(visit.id)).toBe('BOOKED');
  });
});

describe('hall cancellations', () => {
  it('cancels a slot or a whole day with a reason and notifies everyone affected', async () => {
    const slot = await slotAt(env, hall.hallId, '2026-11-27 10:00');
    const residents = [await createResident(env), await createResident(env)];
    const ids: string[] = [];
    for (const resident of residents) ids.push(appointmentResponseSchema.parse((await book(env, resident, slot.id)).body).appointment.id);
    const cancelled = await staffPost(`/slots/${slot.id}/cancel`, { reason: '系统升级暂停服务' });
    expect(hallCancelResponseSchema.parse(cancelled.body)).toEqual({ cancelledCount: 2, appointmentIds: expect.arrayContaining(ids) });
    for (const resident of residents) expect(await notificationsOf(resident.userId, 'BOOKING_CANCELLED_BY_HALL')).toBe(1);
    const seen = appointmentResponseSchema.parse((await api(env).get(`/appointments/${ids[0]}`).set(residents[0]?.auth ?? {})).body).appointment;
    expect(seen).toMatchObject({ status: 'CANCELLED', cancelledBy: 'HALL', cancelReason: '系统升级暂停服务' });
    expect(await env.prisma.slot.findUniqueOrThrow({ where: { id: slot.id }, select: { isClosed: true, bookedCount: true } })).toEqual({ isClosed: true, bookedCount: 0 });
    const again = await book(env, await createResident(env), slot.id);
    expect(again.status).toBe(409);

    const dayResident = await createResident(env);
    await book(env, dayResident, (await slotAt(env, hall.hallId, '2026-11-30 11:00')).id);
    const day = await staffPost('/days/2026-11-30/cancel', { reason: '停电检修' });
    expect(day.body).toMatchObject({ cancelledCount: 1 });
    expect(await notificationsOf(dayResident.userId, 'BOOKING_CANCELLED_BY_HALL')).toBe(1);
    expect(await env.prisma.slot.count({ where: { hallId: hall.hallId, date: new Date('2026-11-30T00:00:00Z'), isClosed: false } })).toBe(0);

    const single = await bookToday('11:00');
    expect((await staffPost(`/appointments/${single.id}/cancel`, { reason: '窗口临时关闭' })).body).toMatchObject({ cancelledCount: 1 });
    expect((await staffPost(`/appointments/${single.id}/cancel`, { reason: '窗口临时关闭' })).status).toBe(409);
  });
});
