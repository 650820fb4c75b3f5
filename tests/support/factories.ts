import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { RoleGrant } from '@govpocket/shared';
import { wechatLoginResponseSchema } from '@govpocket/shared';
import type { PrismaClient } from '@govpocket/db';
import type { WechatTestApp } from './fake-wechat-app';

/** Builders for test data: unique names so suites sharing a worker database never collide. */
const unique = (): string => randomUUID().slice(0, 8);

export async function createDepartment(prisma: PrismaClient, name = `测试局${unique()}`) {
  return prisma.department.create({ data: { name }, select: { id: true, name: true } });
}

export async function createHall(prisma: PrismaClient, name = `测试大厅${unique()}`) {
  return prisma.hall.create({ data: { name, address: '清江市测试路1号', hours: '周一至周五 9:00-17:00' }, select: { id: true, name: true } });
}

export type LoggedIn = { userId: string; openid: string; token: string; auth: { Authorization: string } };

/** Logs in through the fake WeChat, exactly as the mini-program does. */
export async function loginAs(t: WechatTestApp, openid = `oTEST_${unique()}`): Promise<LoggedIn> {
  const { code } = t.fake.control.mintLoginCode(openid);
  const response = await request(t.app.callback()).post('/auth/wechat').send({ code });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  const body = wechatLoginResponseSchema.parse(response.body);
  return { userId: body.user.id, openid, token: body.token, auth: { Authorization: `Bearer ${body.token}` } };
}

/** A staff member already bound to their WeChat identity, holding the given roles. */
export async function createStaff(t: WechatTestApp, roles: RoleGrant[], name = `员工${unique()}`): Promise<LoggedIn & { staffAccountId: string }> {
  const openid = `oSTAFF_${unique()}`;
  const user = await t.prisma.user.create({ data: { openid }, select: { id: true } });
  const account = await t.prisma.staffAccount.create({
    data: {
      name,
      userId: user.id,
      boundAt: new Date(),
      roleAssignments: {
        create: roles.map((grant) =>
          grant.role === 'WINDOW_STAFF'
            ? { role: grant.role, scope: 'HALL' as const, hallId: grant.hallId, scopeKey: `HALL:${grant.hallId}` }
            : grant.role === 'ADMIN'
              ? { role: grant.role, scope: 'GLOBAL' as const, scopeKey: 'GLOBAL' }
              : { role: grant.role, scope: 'DEPARTMENT' as const, departmentId: grant.departmentId, scopeKey: `DEPARTMENT:${grant.departmentId}` },
        ),
      },
    },
    select: { id: true },
  });
  return { ...(await loginAs(t, openid)), staffAccountId: account.id };
}
