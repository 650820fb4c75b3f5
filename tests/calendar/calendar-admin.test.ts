import request from 'supertest';
import { createCalendarService } from '../../bff/src/modules/calendar/service';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, loginAs, type LoggedIn } from '../support/factories';

let t: WechatTestApp;
let admin: LoggedIn;

beforeAll(async () => {
  t = await createWechatTestApp();
  admin = await createStaff(t, [{ role: 'ADMIN' }]);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.app.callback());

describe('admin overrides of the holiday calendar', () => {
  it('lists a published year with its holidays and make-up days', async () => {
    const response = await api().get('/admin/calendar/2026').set(admin.auth);
    expect(response.status).toBe(200);
    const days = response.body.days as Array<{ date: string; isWorkingDay: boolean; name: string }>;
    expect(days).toContainEqual(expect.objectContaining({ date: '2026-10-01', isWorkingDay: false, name: '国庆节' }));
    expect(days).toContainEqual(expect.objectContaining({ date: '2026-10-10', isWorkingDay: true }));
  });

  it('adds overrides for a year not yet published; every process sees them; each change is audited', async () => {
    const otherProcess = createCalendarService({ prisma: t.prisma, redis: t.redis, keyPrefix: t.config.REDIS_KEY_PREFIX });
    expect((await otherProcess.current()).isWorkingDay('2027-02-08')).toBe(true);

    const set = await api().put('/admin/calendar/days/2027-02-08').set(admin.auth).send({ kind: 'HOLIDAY', name: '春节' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ date: '2027-02-08', isWorkingDay: false, source: 'OVERRIDE' });
    expect((await otherProcess.current()).isWorkingDay('2027-02-08')).toBe(false);
    expect((await api().put('/admin/calendar/days/2027-02-20').set(admin.auth).send({ kind: 'WORKDAY', name: '春节调休上班' })).body.isWorkingDay).toBe(true);

    expect((await api().delete('/admin/calendar/days/2027-02-08').set(admin.auth)).status).toBe(204);
    expect((await otherProcess.current()).isWorkingDay('2027-02-08')).toBe(true);
    expect((await api().delete('/admin/calendar/days/2027-02-08').set(admin.auth)).status).toBe(404);

    const audit = await t.prisma.auditLog.findMany({ where: { entityType: 'CalendarDay', entityId: '2027-02-08' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => row.action)).toEqual(['CALENDAR_DAY_SET', 'CALENDAR_DAY_REMOVED']);
  });

  it('refuses bad input and non-admins', async () => {
    expect((await api().put('/admin/calendar/days/2027-02-30').set(admin.auth).send({ kind: 'HOLIDAY', name: '无' })).status).toBe(400);
    expect((await api().put('/admin/calendar/days/2027-03-01').set(admin.auth).send({ kind: 'PARTY', name: '无' })).status).toBe(400);
    expect((await api().get('/admin/calendar/1999').set(admin.auth)).status).toBe(400);
    const resident = await loginAs(t);
    expect((await api().put('/admin/calendar/days/2027-03-01').set(resident.auth).send({ kind: 'HOLIDAY', name: '无' })).status).toBe(403);
  });
});
