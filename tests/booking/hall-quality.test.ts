import { randomUUID } from 'node:crypto';
import {
  affectedBookingsResponseSchema,
  appointmentResponseSchema,
  followUpResponseSchema,
  hallScheduleResponseSchema,
  moveAppointmentResponseSchema,
  reviewPreReviewResponseSchema,
  hallFollowUpsResponseSchema,
  hallRatingsResponseSchema,
  rateAppointmentResponseSchema,
  scheduleChangeResponseSchema,
  staffPreReviewsResponseSchema,
  tripStatsResponseSchema,
} from '@govpocket/shared';
import { createStaff, type LoggedIn } from '../support/factories';
import { generateSlots, sendReminders } from '../../bff/src/modules/booking';
import { api, at, book, createBookingHall, createHallStaff, createResident, slotAt, startBookingEnv, type BookingEnv, type TestHall } from './booking-env';

/** Pre-review, 好差评 and 回访, trips per case, reminders, and schedule changes that affect bookings. */
let env: BookingEnv;
let hall: TestHall;
let staff: LoggedIn;
const weekdays = [1, 2, 3, 4, 5];

beforeAll(async () => {
  env = await startBookingEnv('2026-12-01 08:00');
  hall = await createBookingHall(env, { rules: [{ weekdays, startTime: '09:00', endTime: '12:00', capacity: 4, slotMinutes: 60 }] });
  staff = await createHallStaff(env, hall.hallId);
}, 60000);
afterAll(async () => {
  await env.close();
});
beforeEach(() => env.setNow('2026-12-01 08:00'));

const staffApi = (method: 'get' | 'post' | 'put', path: string) => api(env)[method](`/staff/halls/${hall.hallId}${path}`).set(staff.auth);

/** Books, checks in, calls, serves and completes one visit; returns the appointment id. */
async function visit(resident: LoggedIn, time: string, { isCaseFinished = true } = {}): Promise<string> {
  env.setNow(`${time.slice(0, 10)} 07:00`);
  const { appointment } = appointmentResponseSchema.parse((await book(env, resident, (await slotAt(env, hall.hallId, time)).id)).body);
  await staffApi('post', '/check-in').send({ code: appointment.checkInCode });
  await staffApi('post', `/windows/${hall.windowIds[0]}/call-next`);
  await staffApi('post', `/appointments/${appointment.id}/serve`);
  const done = await staffApi('post', `/appointments/${appointment.id}/complete`).send({ isCaseFinished });
  expect(done.status).toBe(200);
  return appointment.id;
}

describe('pre-review (预审)', () => {
  it('takes photos at booking, lets the hall mark them, and tells the resident', async () => {
    const resident = await createResident(env);
    const material = await env.prisma.serviceItemMaterial.findFirstOrThrow({ where: { itemId: env.itemId }, select: { id: true, name: true } });
    const upload = await env.prisma.uploadedFile.create({
      data: { ownerId: resident.userId, purpose: 'PRE_REVIEW', storageKey: `test/${randomUUID()}.jpg`, sha256: 'a'.repeat(64), contentType: 'image/jpeg', sizeBytes: 1000, width: 10, height: 10 },
      select: { id: true },
    });
    const slot = await slotAt(env, hall.hallId, '2026-12-02 10:00');
    const stranger = await createResident(env);
    const refused = await api(env).post('/appointments').set(stranger.auth).set('Idempotency-Key', randomUUID()).send({ itemCode: env.itemCode, slotId: slot.id, preReviewFileIds: [{ materialId: material.id, fileId: upload.id }] });
    expect(refused.status).toBe(400);
    const booked = await api(env).post('/appointments').set(resident.auth).set('Idempotency-Key', randomUUID())
      .send({ itemCode: env.itemCode, slotId: slot.id, preReviewFileIds: [{ materialId: material.id, fileId: upload.id }], delivery: { method: 'MAIL', address: '清江市江南区测试路18号' } });
    expect(booked.status).toBe(201);
    const { appointment } = appointmentResponseSchema.parse(booked.body);
    expect(appointment.preReviews).toMatchObject([{ materialName: material.name, status: 'PENDING' }]);
    expect(appointment.preReviews[0]?.fileUrl).toContain(`/files/${upload.id}?`);

    const queue = staffPreReviewsResponseSchema.parse((await staffApi('get', '/pre-reviews?status=PENDING')).body);
    const file = queue.items.find((item) => item.appointmentId === appointment.id);
    expect(file).toBeDefined();
    const reviewed = await staffApi('post', `/pre-reviews/${file?.id}`).send({ status: 'NEEDS_CORRECTION', comment: '身份证复印件不清晰，请重新拍摄' });
    expect(reviewPreReviewResponseSchema.parse(reviewed.body).file).toMatchObject({ status: 'NEEDS_CORRECTION', appointmentId: appointment.id });
    const seen = appointmentResponseSchema.parse((await api(env).get(`/appointments/${appointment.id}`).set(resident.auth)).body).appointment;
    expect(seen.preReviews[0]).toMatchObject({ status: 'NEEDS_CORRECTION', comment: '身份证复印件不清晰，请重新拍摄' });
    expect(seen.deliveryMethod).toBe('MAIL');
    expect(await env.prisma.notification.count({ where: { userId: resident.userId, eventType: 'PRE_REVIEW_RESULT' } })).toBe(1);
  });
});

describe('好差评 and 回访', () => {
  it('takes one rating per visit; 不满意 opens a 15-working-day follow-up the hall sees without the rater', async () => {
    const resident = await createResident(env);
    const early = appointmentResponseSchema.parse((await book(env, resident, (await slotAt(env, hall.hallId, '2026-12-03 11:00')).id)).body).appointment;
    expect((await api(env).post(`/appointments/${early.id}/rating`).set(resident.auth).send({ level: 'SATISFIED' })).status).toBe(409);

    const id = await visit(resident, '2026-12-01 10:00');
    env.setNow('2026-12-01 15:00');
    const rated = await api(env).post(`/appointments/${id}/rating`).set(resident.auth).send({ level: 'DISSATISFIED', tags: ['等候太久'], text: '排队很久' });
    expect(rated.status).toBe(201);
    const { rating } = rateAppointmentResponseSchema.parse(rated.body);
    // 15 working days after Tuesday 1 December 2026: Tuesday 22 December, end of day.
    expect(rating.followUp?.dueAt).toBe(new Date(at('2026-12-23 00:00').getTime() - 1).toISOString());
    expect((await api(env).post(`/appointments/${id}/rating`).set(resident.auth).send({ level: 'SATISFIED' })).status).toBe(409);
    expect(await env.prisma.notification.count({ where: { userId: staff.userId, eventType: 'RATING_FOLLOW_UP_CREATED' } })).toBe(1);

    const ratings = await staffApi('get', '/ratings');
    expect(JSON.stringify(ratings.body)).not.toContain(resident.userId);
    expect(hallRatingsResponseSchema.parse(ratings.body).items.find((item) => item.text === '排队很久')).toMatchObject({ level: 'DISSATISFIED', tags: ['等候太久'] });
    const followUps = await staffApi('get', '/follow-ups?status=OPEN');
    expect(JSON.stringify(followUps.body)).not.toContain(resident.userId);
    const task = hallFollowUpsResponseSchema.parse(followUps.body).items.find((item) => item.rating.text === '排队很久');
    expect(task).toMatchObject({ status: 'OPEN', isOverdue: false });

    const resolved = await staffApi('post', `/follow-ups/${task?.id}`).send({ status: 'FIXED', note: '已电话回访，增开窗口缩短等候' });
    expect(followUpResponseSchema.parse(resolved.body).followUp).toMatchObject({ status: 'FIXED', result: '已电话回访，增开窗口缩短等候' });
    expect((await staffApi('post', `/follow-ups/${task?.id}`).send({ status: 'EXPLAINED', note: '重复处理测试内容' })).status).toBe(409);
    const seen = appointmentResponseSchema.parse((await api(env).get(`/appointments/${id}`).set(resident.auth)).body).appointment;
    expect(seen.rating?.followUp).toMatchObject({ status: 'FIXED', result: '已电话回访，增开窗口缩短等候' });
    expect(seen.canRate).toBe(false);
  });
});

describe('trips per case', () => {
  it('counts the visits of a case that needed a second trip, against the promise', async () => {
    const resident = await createResident(env);
    await visit(resident, '2026-12-01 11:00', { isCaseFinished: false });
    const second = await visit(resident, '2026-12-02 09:00');
    const row = await env.prisma.appointment.findUniqueOrThrow({ where: { id: second }, select: { actualTrips: true, promisedTrips: true } });
    expect(row.actualTrips).toBe(2);
    const stats = tripStatsResponseSchema.parse((await staffApi('get', '/trip-stats')).body);
    const line = stats.items.find((item) => item.itemCode === env.itemCode);
    expect(line?.completedCases).toBeGreaterThanOrEqual(2);
    expect(row.promisedTrips).toBe(1);
    expect(line).toMatchObject({ promisedTrips: 1, completedCases: 2, casesOverPromise: 1, averageTrips: 1.5 });
  });
});

describe('reminders', () => {
  it('reminds the evening before at 18:00 and 60 minutes before, each once', async () => {
    const resident = await createResident(env);
    await book(env, resident, (await slotAt(env, hall.hallId, '2026-12-04 10:00')).id);
    const reminders = () => env.prisma.notification.count({ where: { userId: resident.userId, eventType: 'BOOKING_REMINDER' } });
    await sendReminders(env.jobs, { now: at('2026-12-03 17:59') });
    expect(await reminders()).toBe(0);
    await sendReminders(env.jobs, { now: at('2026-12-03 18:00') });
    await sendReminders(env.jobs, { now: at('2026-12-03 18:01') });
    expect(await reminders()).toBe(1);
    await sendReminders(env.jobs, { now: at('2026-12-04 08:59') });
    expect(await reminders()).toBe(1);
    await sendReminders(env.jobs, { now: at('2026-12-04 09:00') });
    await sendReminders(env.jobs, { now: at('2026-12-04 09:05') });
    expect(await reminders()).toBe(2);
  });
});

describe('schedules', () => {
  it('generates slots idempotently, and a template change lists the bookings it affects instead of dropping them', async () => {
    await generateSlots(env.jobs, { now: env.clock.now }); // every hall of the database
    const again = await generateSlots(env.jobs, { now: env.clock.now });
    expect(again).toMatchObject({ created: 0, removed: 0 });
    const resident = await createResident(env);
    const { appointment } = appointmentResponseSchema.parse((await book(env, resident, (await slotAt(env, hall.hallId, '2026-12-07 11:00')).id)).body);
    const admin = await createStaff(env, [{ role: 'ADMIN' }]);
    const changed = await api(env).put(`/admin/halls/${hall.hallId}/schedule-templates/${hall.templateId}`).set(admin.auth)
      .send({ name: '冬季作息', validFrom: '2026-01-01', rules: weekdays.map((weekday) => ({ weekday, startTime: '09:00', endTime: '11:00', capacity: 4, slotMinutes: 60 })) });
    expect(changed.status).toBe(200);
    const report = scheduleChangeResponseSchema.parse(changed.body);
    expect(report.affected.map((item) => item.appointmentId)).toContain(appointment.id);
    expect(await env.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id }, select: { status: true } })).toEqual({ status: 'BOOKED' });
    expect(await env.prisma.slot.count({ where: { hallId: hall.hallId, startTime: '11:00', date: { gt: new Date('2026-12-01T00:00:00Z') }, isClosed: false } })).toBe(0);
    expect((await api(env).put(`/admin/halls/${hall.hallId}/schedule-templates/${hall.templateId}`).set(staff.auth).send({})).status).toBe(403);

    const listed = affectedBookingsResponseSchema.parse((await staffApi('get', '/affected-bookings')).body);
    expect(listed.items.map((item) => item.appointmentId)).toContain(appointment.id);
    const schedule = hallScheduleResponseSchema.parse((await api(env).get(`/admin/halls/${hall.hallId}/schedule`).set(admin.auth)).body);
    expect(schedule.templates[0]).toMatchObject({ id: hall.templateId, name: '冬季作息' });
    expect(schedule.affected.map((item) => item.appointmentId)).toContain(appointment.id);
    const target = await slotAt(env, hall.hallId, '2026-12-07 10:00');
    const moved = await staffApi('post', `/appointments/${appointment.id}/move`).send({ slotId: target.id, reason: '作息调整' });
    expect(moveAppointmentResponseSchema.parse(moved.body).affected.map((item) => item.appointmentId)).not.toContain(appointment.id);
    const seen = appointmentResponseSchema.parse((await api(env).get(`/appointments/${appointment.id}`).set(resident.auth)).body).appointment;
    expect(seen).toMatchObject({ startTime: '10:00', status: 'BOOKED' });
    expect(await env.prisma.notification.count({ where: { userId: resident.userId, eventType: 'BOOKING_CONFIRMED' } })).toBe(2);
  });

  it('closes a day by override, lists its bookings as affected, and reopens them when the closure is lifted', async () => {
    const resident = await createResident(env);
    const slot = await slotAt(env, hall.hallId, '2026-12-08 09:00');
    const { appointment } = appointmentResponseSchema.parse((await book(env, resident, slot.id)).body);
    const admin = await createStaff(env, [{ role: 'ADMIN' }]);
    const closed = await api(env).post(`/admin/halls/${hall.hallId}/schedule-overrides`).set(admin.auth).send({ date: '2026-12-08', kind: 'CLOSURE', reason: '消防演练暂停对外服务' });
    expect(closed.status).toBe(201);
    const report = scheduleChangeResponseSchema.parse(closed.body);
    expect(report.affected.map((item) => item.appointmentId)).toContain(appointment.id);
    const dayOf = { hallId: hall.hallId, date: new Date('2026-12-08T00:00:00Z') };
    // Unbooked slots of the day are gone; the booked one stays, closed, with its booking valid.
    expect(await env.prisma.slot.findMany({ where: dayOf, select: { id: true, isClosed: true } })).toEqual([{ id: slot.id, isClosed: true }]);
    const lifted = await api(env).delete(`/admin/halls/${hall.hallId}/schedule-overrides/${report.override?.id}`).set(admin.auth);
    expect(scheduleChangeResponseSchema.parse(lifted.body).affected.map((item) => item.appointmentId)).not.toContain(appointment.id);
    expect(await env.prisma.slot.findUniqueOrThrow({ where: { id: slot.id }, select: { isClosed: true } })).toEqual({ isClosed: false });
    expect(await env.prisma.slot.count({ where: { ...dayOf, isClosed: false } })).toBe(2);
  });
});
