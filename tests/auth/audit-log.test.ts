import request from 'supertest';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, type LoggedIn } from '../support/factories';

let t: WechatTestApp;
let admin: LoggedIn;

beforeAll(async () => {
  t = await createWechatTestApp();
  admin = await createStaff(t, [{ role: 'ADMIN' }]);
});
afterAll(async () => {
  await t.close();
});

describe('GET /admin/audit-logs', () => {
  it('lets an admin read the trail by entity, newest first, in pages', async () => {
    for (const date of ['2028-01-03', '2028-01-04', '2028-01-05']) {
      await request(t.app.callback()).put(`/admin/calendar/days/${date}`).set(admin.auth).send({ kind: 'HOLIDAY', name: '测试' }).expect(200);
    }
    const first = await request(t.app.callback()).get(`/admin/audit-logs?entityType=CalendarDay&action=CALENDAR_DAY_SET&actorUserId=${admin.userId}&limit=2`).set(admin.auth);
    expect(first.status).toBe(200);
    expect(first.body.items.map((row: { entityId: string }) => row.entityId)).toEqual(['2028-01-05', '2028-01-04']);
    expect(first.body.items[0]).toMatchObject({ actorUserId: admin.userId, actorRole: 'ADMIN', after: { kind: 'HOLIDAY' } });
    const second = await request(t.app.callback()).get(`/admin/audit-logs?entityType=CalendarDay&action=CALENDAR_DAY_SET&actorUserId=${admin.userId}&limit=2&before=${first.body.nextBefore}`).set(admin.auth);
    expect(second.body.items.map((row: { entityId: string }) => row.entityId)).toEqual(['2028-01-03']);
    expect(second.body.nextBefore).toBeNull();
    expect((await request(t.app.callback()).get('/admin/audit-logs?limit=1000').set(admin.auth)).status).toBe(400);
  });
});
