/**
 * The city always keeps an administrator: an account holding the ADMIN role is not disabled when no
 * other active, bound ADMIN account would remain, even when two admins disable each other at the same
 * moment. And a disabled account gets no binding code.
 */
import request from 'supertest';
import { createStaffAccountResponseSchema, errorBodySchema } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createDepartment, createStaff } from '../support/factories';

let t: WechatTestApp;

beforeAll(async () => {
  t = await createWechatTestApp();
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.app.callback());

async function activeBoundAdmins(): Promise<string[]> {
  const rows = await t.prisma.staffAccount.findMany({ where: { status: 'ACTIVE', userId: { not: null }, roleAssignments: { some: { role: 'ADMIN' } } }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** Leaves exactly the given admins active (the earlier rounds' survivors are disabled in the database). */
async function onlyThese(ids: string[]): Promise<void> {
  await t.prisma.staffAccount.updateMany({ where: { id: { notIn: ids }, roleAssignments: { some: { role: 'ADMIN' } } }, data: { status: 'DISABLED' } });
}

describe('the last active admin', () => {
  it('two admins disabling each other at the same moment: exactly one succeeds, one admin remains', async () => {
    for (let round = 0; round < 5; round += 1) {
      const first = await createStaff(t, [{ role: 'ADMIN' }]);
      const second = await createStaff(t, [{ role: 'ADMIN' }]);
      await onlyThese([first.staffAccountId, second.staffAccountId]);
      const answers = await Promise.all([
        api().post(`/admin/staff-accounts/${second.staffAccountId}/disable`).set(first.auth).send({ reason: '调离岗位' }),
        api().post(`/admin/staff-accounts/${first.staffAccountId}/disable`).set(second.auth).send({ reason: '调离岗位' }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const refused = answers.find((answer) => answer.status === 409);
      expect(errorBodySchema.parse(refused?.body).error.message).toContain('至少需要保留一个在用的管理员账号');
      const remaining = await activeBoundAdmins();
      expect(remaining).toHaveLength(1);
      expect([first.staffAccountId, second.staffAccountId]).toContain(remaining[0]);
      // Exactly one disable was written, with its audit row.
      expect(await t.prisma.auditLog.count({ where: { entityId: { in: [first.staffAccountId, second.staffAccountId] }, action: 'STAFF_ACCOUNT_DISABLED' } })).toBe(1);
    }
  });

  it('a second admin and a non-admin are disabled as before; disabling a disabled admin again changes nothing', async () => {
    const admin = await createStaff(t, [{ role: 'ADMIN' }]);
    const other = await createStaff(t, [{ role: 'ADMIN' }]);
    await onlyThese([admin.staffAccountId, other.staffAccountId]);
    expect((await api().post(`/admin/staff-accounts/${other.staffAccountId}/disable`).set(admin.auth).send({ reason: '离职' })).status).toBe(200);
    // `other` is disabled already: disabling it again is a no-op, not a refusal, and writes no second audit row.
    expect((await api().post(`/admin/staff-accounts/${other.staffAccountId}/disable`).set(admin.auth).send({ reason: '离职' })).status).toBe(200);
    expect(await activeBoundAdmins()).toEqual([admin.staffAccountId]);
    expect(await t.prisma.auditLog.count({ where: { entityId: other.staffAccountId, action: 'STAFF_ACCOUNT_DISABLED' } })).toBe(1);

    const department = await createDepartment(t.prisma);
    const handler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }]);
    expect((await api().post(`/admin/staff-accounts/${handler.staffAccountId}/disable`).set(admin.auth).send({ reason: '调离岗位' })).status).toBe(200);

  });

  it('refuses a binding code for a disabled account', async () => {
    const admin = await createStaff(t, [{ role: 'ADMIN' }]);
    const department = await createDepartment(t.prisma);
    const created = await api().post('/admin/staff-accounts').set(admin.auth).send({ name: '未到岗', roles: [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }] });
    const { account } = createStaffAccountResponseSchema.parse(created.body);
    expect((await api().post(`/admin/staff-accounts/${account.id}/disable`).set(admin.auth).send({ reason: '未到岗' })).status).toBe(200);
    const codesBefore = await t.prisma.staffBindingCode.count({ where: { staffAccountId: account.id } });
    const issued = await api().post(`/admin/staff-accounts/${account.id}/binding-codes`).set(admin.auth).send({});
    expect(issued.status).toBe(409);
    expect(errorBodySchema.parse(issued.body).error.message).toContain('已停用');
    expect(await t.prisma.staffBindingCode.count({ where: { staffAccountId: account.id } })).toBe(codesBefore);
    expect(await t.prisma.auditLog.count({ where: { entityId: account.id, action: 'STAFF_BINDING_CODE_ISSUED' } })).toBe(0);
    // Enabled again, it gets one.
    expect((await api().post(`/admin/staff-accounts/${account.id}/enable`).set(admin.auth).send({})).status).toBe(200);
    expect((await api().post(`/admin/staff-accounts/${account.id}/binding-codes`).set(admin.auth).send({})).status).toBe(201);
  });
});
