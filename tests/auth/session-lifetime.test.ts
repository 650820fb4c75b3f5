import request from 'supertest';
import { createStaffAccountResponseSchema, errorBodySchema, staffAccountResponseSchema } from '@govpocket/shared';
import { createSessionStore } from '../../bff/src/modules/auth/session-store';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createDepartment, createStaff, loginAs, type LoggedIn } from '../support/factories';

/**
 * Sessions end after an absolute lifetime however active they are (staff sooner than residents),
 * and a staff account an admin disables loses every session at once and cannot sign in or bind.
 */
let t: WechatTestApp;
let admin: LoggedIn & { staffAccountId: string };
let department: { id: string; name: string };

beforeAll(async () => {
  t = await createWechatTestApp({ SESSION_MAX_AGE_STAFF_SECONDS: '2', SESSION_MAX_AGE_RESIDENT_SECONDS: '4' });
  department = await createDepartment(t.prisma);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.app.callback());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('absolute session lifetime', () => {
  it('staff sessions end after their lifetime even while in use; residents last longer', async () => {
    const staff = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }]);
    const resident = await loginAs(t);
    const started = Date.now();
    // Used every half second: the sliding idle timeout never runs out, the absolute lifetime does.
    while (Date.now() - started < 2300) {
      await sleep(500);
      if (Date.now() - started < 1800) expect((await api().get('/me').set(staff.auth)).status).toBe(200);
      expect((await api().get('/me').set(resident.auth)).status).toBe(200);
    }
    const expired = await api().get('/me').set(staff.auth);
    expect(expired.status).toBe(401);
    expect(errorBodySchema.parse(expired.body).error.message).toBe('登录已过期，请重新登录');
    expect((await api().get('/me').set(resident.auth)).status).toBe(200);
    await sleep(4200 - (Date.now() - started));
    expect((await api().get('/me').set(resident.auth)).status).toBe(401);
    // Signing in again gives a fresh session.
    expect((await api().get('/me').set((await loginAs(t, staff.openid)).auth)).status).toBe(200);
  });

  it('a resident session older than the staff lifetime that binds a staff account keeps working: staff time counts from binding', async () => {
    const adminNow = await createStaff(t, [{ role: 'ADMIN' }]);
    const created = await api().post('/admin/staff-accounts').set(adminNow.auth).send({ name: '新员工', roles: [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }] });
    const { bindingCode } = createStaffAccountResponseSchema.parse(created.body);
    const resident = await loginAs(t);
    await sleep(2300);
    const bound = await api().post('/staff/bind').set(resident.auth).send({ code: bindingCode.code });
    expect(bound.status).toBe(200);
    expect((await api().get('/me').set(resident.auth)).body.user.roles).toHaveLength(1);
  });

  it('the store refuses a session older than the longest lifetime on a controllable clock', async () => {
    const clock = { now: Date.parse('2026-12-01T00:00:00Z') };
    const store = createSessionStore({ redis: t.redis, keyPrefix: t.config.REDIS_KEY_PREFIX, ttlSeconds: 7 * 24 * 3600, maxAgeSeconds: { resident: 30 * 24 * 3600, staff: 12 * 3600 }, clock: () => clock.now });
    const { token } = await store.create('user-for-clock-test');
    clock.now += 11 * 3600_000;
    const young = await store.touch(token);
    expect(young).not.toBeNull();
    expect(store.isPastMaxAge(young!, 'staff')).toBe(false);
    clock.now += 2 * 3600_000;
    const older = await store.touch(token);
    expect(store.isPastMaxAge(older!, 'staff')).toBe(true);
    expect(store.isPastMaxAge(older!, 'resident')).toBe(false);
    // A resident session that became staff an hour ago: the staff lifetime counts from binding.
    expect(store.isPastMaxAge(older!, 'staff', new Date(clock.now - 3600_000))).toBe(false);
    clock.now += 30 * 24 * 3600_000;
    expect(await store.touch(token)).toBeNull();
  });
});

describe('disabling a staff account', () => {
  beforeAll(async () => {
    admin = await createStaff(t, [{ role: 'ADMIN' }]);
  });
  // Admin sessions also end after 2 s here: each request signs the admin in afresh.
  const adminAuth = async () => (await loginAs(t, admin.openid)).auth;

  it('ends the account sessions at once, is audited with its reason, and blocks sign-in until enabled', async () => {
    const handler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }]);
    const secondDevice = await loginAs(t, handler.openid);
    expect((await api().get('/me').set(handler.auth)).body.user.roles).toHaveLength(1);

    const disabled = await api().post(`/admin/staff-accounts/${handler.staffAccountId}/disable`).set(await adminAuth()).send({ reason: '调离岗位' });
    expect(disabled.status).toBe(200);
    expect(staffAccountResponseSchema.parse(disabled.body).account.status).toBe('DISABLED');

    for (const session of [handler, secondDevice]) {
      const refused = await api().get('/me').set(session.auth);
      expect(refused.status).toBe(401);
    }
    expect(await t.redis.smembers(`${t.config.REDIS_KEY_PREFIX}user-sessions:${handler.userId}`)).toEqual([]);

    const audit = await t.prisma.auditLog.findMany({ where: { entityId: handler.staffAccountId, action: 'STAFF_ACCOUNT_DISABLED' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: admin.userId, actorRole: 'ADMIN', after: { status: 'DISABLED', reason: '调离岗位' } });

    // Cannot sign in while disabled.
    const { code } = t.fake.control.mintLoginCode(handler.openid);
    const login = await api().post('/auth/wechat').send({ code });
    expect(login.status).toBe(403);
    expect(errorBodySchema.parse(login.body).error.message).toBe('您的员工账号已停用，请联系管理员');

    // A session that slipped past the revocation (created directly in the store) still gets nowhere.
    const store = createSessionStore({ redis: t.redis, keyPrefix: t.config.REDIS_KEY_PREFIX, ttlSeconds: 600 });
    const leftover = await store.create(handler.userId);
    expect((await api().get('/me').set({ Authorization: `Bearer ${leftover.token}` })).status).toBe(401);

    // Disabling twice changes nothing and writes no second audit row.
    expect((await api().post(`/admin/staff-accounts/${handler.staffAccountId}/disable`).set(await adminAuth()).send({ reason: '重复操作' })).status).toBe(200);
    expect(await t.prisma.auditLog.count({ where: { entityId: handler.staffAccountId, action: 'STAFF_ACCOUNT_DISABLED' } })).toBe(1);

    const enabled = await api().post(`/admin/staff-accounts/${handler.staffAccountId}/enable`).set(await adminAuth()).send({});
    expect(enabled.status).toBe(200);
    expect(enabled.body.account.status).toBe('ACTIVE');
    expect(await t.prisma.auditLog.count({ where: { entityId: handler.staffAccountId, action: 'STAFF_ACCOUNT_ENABLED' } })).toBe(1);
    const again = await loginAs(t, handler.openid);
    expect((await api().get('/me').set(again.auth)).body.user.roles).toHaveLength(1);
  });

  it('a disabled account cannot be bound with its code: answered like an unknown code, and counted as a failed guess', async () => {
    const created = await api().post('/admin/staff-accounts').set(await adminAuth()).send({ name: '新人', roles: [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }] });
    const { account, bindingCode } = createStaffAccountResponseSchema.parse(created.body);
    expect((await api().post(`/admin/staff-accounts/${account.id}/disable`).set(await adminAuth()).send({ reason: '未到岗' })).status).toBe(200);
    const person = await loginAs(t);
    const bind = await api().post('/staff/bind').set(person.auth).send({ code: bindingCode.code });
    const unknown = await api().post('/staff/bind').set(person.auth).send({ code: 'ZZZZ9999' });
    expect(bind.status).toBe(400);
    expect(errorBodySchema.parse(bind.body).error.message).toBe(errorBodySchema.parse(unknown.body).error.message);
    expect(errorBodySchema.parse(bind.body).error.message).toBe('绑定码无效或已过期，请联系管理员重新获取');
    // Both failures count towards the guessing limit of this user.
    expect(await t.redis.get(`${t.config.REDIS_KEY_PREFIX}rl:bindingCode:user:${person.userId}`)).toBe('2');
    expect((await api().get('/me').set(person.auth)).body.user.roles).toEqual([]);
  });

  it('is for admins only, needs a reason, refuses unknown accounts and the admin own account', async () => {
    const handler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }]);
    const resident = await loginAs(t);
    const url = `/admin/staff-accounts/${handler.staffAccountId}/disable`;
    expect((await api().post(url).send({ reason: '调离岗位' })).status).toBe(401);
    expect((await api().post(url).set(resident.auth).send({ reason: '调离岗位' })).status).toBe(403);
    expect((await api().post(url).set(handler.auth).send({ reason: '调离岗位' })).status).toBe(403);
    expect((await api().post(`/admin/staff-accounts/${handler.staffAccountId}/enable`).set(resident.auth).send({})).status).toBe(403);
    const noReason = await api().post(url).set(await adminAuth()).send({});
    expect(noReason.status).toBe(400);
    expect((await api().post('/admin/staff-accounts/no-such-account/disable').set(await adminAuth()).send({ reason: '调离岗位' })).status).toBe(404);
    const self = await api().post(`/admin/staff-accounts/${admin.staffAccountId}/disable`).set(await adminAuth()).send({ reason: '测试' });
    expect(self.status).toBe(409);
    expect(errorBodySchema.parse(self.body).error.message).toBe('不能停用自己的账号');
    expect((await t.prisma.staffAccount.findUniqueOrThrow({ where: { id: handler.staffAccountId } })).status).toBe('ACTIVE');
    expect(await t.prisma.auditLog.count({ where: { entityId: handler.staffAccountId } })).toBe(0);
  });
});
