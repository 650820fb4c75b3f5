import request from 'supertest';
import { createCalendarService } from '../../bff/src/modules/calendar/service';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createDepartment, createStaff, loginAs, type LoggedIn } from '../support/factories';

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

describe('the admin guard cannot be stepped around', () => {
  const variants = (path: string): string[] => [
    path.toUpperCase(),
    path.replace('/calendar', '/Calendar'),
    `${path}/`,
    `/${path}`,
    path.replace('/admin/', '/admin//'),
    path.replace('/admin', '/%61dmin'),
  ];

  it('answers 404 to every spelling of a calendar route but the exact one, for residents and anonymous callers, and writes nothing', async () => {
    const resident = await loginAs(t);
    for (const path of variants('/admin/calendar/days/2027-06-15')) {
      for (const auth of [resident.auth, {}]) {
        const put = await api().put(path).set(auth).send({ kind: 'HOLIDAY', name: '端午节' });
        expect([path, put.status, put.body.error?.code]).toEqual([path, 404, 'NOT_FOUND']);
        expect([path, (await api().delete(path).set(auth)).status]).toEqual([path, 404]);
      }
    }
    for (const path of variants('/admin/calendar/2027')) {
      expect([path, (await api().get(path)).status]).toEqual([path, 404]);
    }
    expect(await t.prisma.calendarDay.count({ where: { date: new Date('2027-06-15T00:00:00Z') } })).toBe(0);
    expect(await t.prisma.auditLog.count({ where: { entityType: 'CalendarDay', entityId: '2027-06-15' } })).toBe(0);
    // The exact path answers the resident 403 and the anonymous caller 401.
    expect((await api().put('/admin/calendar/days/2027-06-15').set(resident.auth).send({ kind: 'HOLIDAY', name: '端午节' })).status).toBe(403);
    expect((await api().get('/admin/calendar/2027')).status).toBe(401);
  });

  it('records the role the actor really holds: a claimed admin role is refused to a resident and corrected for other staff', async () => {
    const calendar = createCalendarService({ prisma: t.prisma, redis: t.redis, keyPrefix: t.config.REDIS_KEY_PREFIX });
    const resident = await loginAs(t);
    const asResident = { id: resident.userId, nickname: null, hasPhone: false, roles: [] };
    await expect(calendar.setOverride({ admin: asResident, override: { date: '2027-06-16', kind: 'HOLIDAY', name: '端午节' }, requestId: 'r-resident' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.prisma.calendarDay.count({ where: { date: new Date('2027-06-16T00:00:00Z') } })).toBe(0);
    expect(await t.prisma.auditLog.count({ where: { requestId: 'r-resident' } })).toBe(0);

    const department = await createDepartment(t.prisma);
    const handler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }]);
    const asHandler = { id: handler.userId, nickname: null, hasPhone: false, roles: [] };
    await calendar.setOverride({ admin: asHandler, override: { date: '2027-06-16', kind: 'HOLIDAY', name: '端午节' }, requestId: 'r-handler' });
    const rows = await t.prisma.auditLog.findMany({ where: { requestId: 'r-handler' } });
    expect(rows.map((row) => [row.actorUserId, row.actorRole])).toEqual([[handler.userId, 'DEPARTMENT_HANDLER']]);

    await api().put('/admin/calendar/days/2027-06-17').set(admin.auth).send({ kind: 'HOLIDAY', name: '端午节' }).expect(200);
    expect((await t.prisma.auditLog.findMany({ where: { entityType: 'CalendarDay', entityId: '2027-06-17' } })).map((row) => [row.actorUserId, row.actorRole])).toEqual([[admin.userId, 'ADMIN']]);
  });
});
