import request from 'supertest';
import { createStaffAccountResponseSchema, errorBodySchema } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createDepartment, createHall, createStaff, loginAs, type LoggedIn } from '../support/factories';

let t: WechatTestApp;
let admin: LoggedIn;
let hall: { id: string; name: string };
let department: { id: string; name: string };

beforeAll(async () => {
  t = await createWechatTestApp();
  admin = await createStaff(t, [{ role: 'ADMIN' }]);
  hall = await createHall(t.prisma);
  department = await createDepartment(t.prisma);
});
afterAll(async () => {
  await t.close();
});
afterEach(async () => {
  const keys = await t.redis.keys(`${t.config.REDIS_KEY_PREFIX}rl:*`);
  if (keys.length > 0) await t.redis.del(...keys);
});

const api = () => request(t.app.callback());

async function createAccount(roles: unknown[] = [{ role: 'WINDOW_STAFF', hallId: hall.id }]) {
  const response = await api().post('/admin/staff-accounts').set(admin.auth).send({ name: '陈静', title: '综合窗口', roles });
  expect(response.status).toBe(201);
  return createStaffAccountResponseSchema.parse(response.body);
}

describe('staff accounts and one-time binding codes', () => {
  it('admin creates an account with role and scope; the staff member binds their WeChat with the code', async () => {
    const created = await createAccount();
    expect(created.account).toMatchObject({ name: '陈静', isBound: false, roles: [{ role: 'WINDOW_STAFF', scopeType: 'HALL', scopeId: hall.id, scopeName: hall.name }] });
    expect(created.bindingCode.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(new Date(created.bindingCode.expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    // The code is stored only as a hash.
    const stored = await t.prisma.staffBindingCode.findFirstOrThrow({ where: { staffAccountId: created.account.id } });
    expect(stored.codeHash).not.toContain(created.bindingCode.code);

    const clerk = await loginAs(t);
    const bound = await api().post('/staff/bind').set(clerk.auth).send({ code: created.bindingCode.code.toLowerCase().replace(/(.{4})/, '$1-') });
    expect(bound.status).toBe(200);
    expect(bound.body.user.roles).toEqual([{ role: 'WINDOW_STAFF', scopeType: 'HALL', scopeId: hall.id, scopeName: hall.name }]);
    const me = await api().get('/me').set(clerk.auth);
    expect(me.body.user.roles[0].role).toBe('WINDOW_STAFF');

    const audit = await t.prisma.auditLog.findMany({ where: { entityId: created.account.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => row.action)).toEqual(['STAFF_ACCOUNT_CREATED', 'STAFF_IDENTITY_BOUND']);
    expect(audit[1]?.actorUserId).toBe(clerk.userId);
  });

  it('a code works once only', async () => {
    const created = await createAccount();
    const first = await loginAs(t);
    expect((await api().post('/staff/bind').set(first.auth).send({ code: created.bindingCode.code })).status).toBe(200);
    const second = await loginAs(t);
    const reused = await api().post('/staff/bind').set(second.auth).send({ code: created.bindingCode.code });
    expect(reused.status).toBe(400);
    expect(errorBodySchema.parse(reused.body).error.message).toBe('绑定码无效或已过期，请联系管理员重新获取');
    expect((await api().get('/me').set(second.auth)).body.user.roles).toEqual([]);
  });

  it('two people racing with the same code: exactly one is bound', async () => {
    const created = await createAccount([{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }]);
    const people = await Promise.all([loginAs(t), loginAs(t), loginAs(t)]);
    const answers = await Promise.all(people.map((person) => api().post('/staff/bind').set(person.auth).send({ code: created.bindingCode.code })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400, 400]);
  });

  it('an expired code and a code replaced by a newer one are refused', async () => {
    const created = await createAccount();
    const reissued = await api().post(`/admin/staff-accounts/${created.account.id}/binding-codes`).set(admin.auth).send({});
    expect(reissued.status).toBe(201);
    const person = await loginAs(t);
    expect((await api().post('/staff/bind').set(person.auth).send({ code: created.bindingCode.code })).status).toBe(400);

    await t.prisma.staffBindingCode.updateMany({ where: { staffAccountId: created.account.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await api().post('/staff/bind').set(person.auth).send({ code: reissued.body.bindingCode.code })).status).toBe(400);
  });

  it('rate-limits guessing: the 6th wrong code within 15 minutes is 429', async () => {
    const guesser = await loginAs(t);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      statuses.push((await api().post('/staff/bind').set(guesser.auth).send({ code: `ABCD${String(2000 + attempt)}`.slice(0, 8) })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('follows the staff.bindingCodeTtlHours and staff.bindingCodeMaxAttempts settings', async () => {
    await t.prisma.setting.createMany({ data: [{ key: 'staff.bindingCodeTtlHours', value: 2 }, { key: 'staff.bindingCodeMaxAttempts', value: 2 }] });
    try {
      const before = Date.now();
      const created = await createAccount();
      const lifetime = new Date(created.bindingCode.expiresAt).getTime() - before;
      expect(lifetime).toBeGreaterThan(2 * 3600_000 - 60_000);
      expect(lifetime).toBeLessThanOrEqual(2 * 3600_000 + 60_000);
      const reissued = await api().post(`/admin/staff-accounts/${created.account.id}/binding-codes`).set(admin.auth).send({});
      expect(new Date(reissued.body.bindingCode.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(2 * 3600_000);

      const guesser = await loginAs(t);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        statuses.push((await api().post('/staff/bind').set(guesser.auth).send({ code: `WXYZ${String(3000 + attempt)}`.slice(0, 8) })).status);
      }
      expect(statuses).toEqual([400, 400, 429]);
    } finally {
      await t.prisma.setting.deleteMany({ where: { key: { in: ['staff.bindingCodeTtlHours', 'staff.bindingCodeMaxAttempts'] } } });
    }
  });

  it('refuses scopes that do not exist and malformed input, with messages for the admin', async () => {
    const missing = await api().post('/admin/staff-accounts').set(admin.auth).send({ name: '某人', roles: [{ role: 'WINDOW_STAFF', hallId: 'no-such-hall' }] });
    expect(missing.status).toBe(400);
    expect(errorBodySchema.parse(missing.body).error.message).toBe('所选大厅或部门不存在');
    const noScope = await api().post('/admin/staff-accounts').set(admin.auth).send({ name: '某人', roles: [{ role: 'WINDOW_STAFF' }] });
    expect(noScope.status).toBe(400);
    const noRoles = await api().post('/admin/staff-accounts').set(admin.auth).send({ name: '某人', roles: [] });
    expect(noRoles.status).toBe(400);
    expect(JSON.stringify(noRoles.body)).toContain('至少分配一个角色');
  });

  it('only an admin manages staff accounts', async () => {
    const resident = await loginAs(t);
    expect((await api().post('/admin/staff-accounts').set(resident.auth).send({ name: 'x', roles: [{ role: 'ADMIN' }] })).status).toBe(403);
    expect((await api().get('/admin/staff-accounts')).status).toBe(401);
    const listed = await api().get('/admin/staff-accounts').set(admin.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.accounts.length).toBeGreaterThan(0);
  });
});
