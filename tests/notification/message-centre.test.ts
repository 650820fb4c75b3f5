import request from 'supertest';
import { markReadResponseSchema, notificationListResponseSchema, subscriptionsResponseSchema, wechatLoginResponseSchema } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { bookingPayload, enqueue, removeResidents, runTag, type Resident } from './notification-support';

let t: WechatTestApp;
const tag = runTag();
const residents: Resident[] = [];

beforeAll(async () => {
  t = await createWechatTestApp({ REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX ?? ''}ntf-api:${tag}:` });
});
afterAll(async () => {
  await removeResidents(t.prisma, residents);
  await t.close();
});

async function loginAs(name: string): Promise<{ token: string; user: Resident }> {
  const { code, openid } = t.fake.control.mintLoginCode(`ntf-api-${tag}-${name}`);
  const response = await request(t.app.callback()).post('/auth/wechat').send({ code });
  const body = wechatLoginResponseSchema.parse(response.body);
  const user = { id: body.user.id, openid };
  residents.push(user);
  return { token: body.token, user };
}

const api = () => request(t.app.callback());

describe('message centre API', () => {
  let owner: { token: string; user: Resident };
  let other: { token: string; user: Resident };

  beforeAll(async () => {
    owner = await loginAs('owner');
    other = await loginAs('other');
    // Sequential, so createdAt orders them: message 24 is the newest.
    for (let index = 0; index < 25; index += 1) {
      await enqueue(t.prisma, { userId: owner.user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload(`MC-${index}`), dedupeKey: `mc:${tag}:${index}` });
    }
    await enqueue(t.prisma, { userId: other.user.id, event: 'LETTER_REPLIED', payload: { letterId: 'l', letterNo: 'XF1', subject: '噪音', departmentName: '市住建局', repliedAt: new Date() }, dedupeKey: `mc:${tag}:other` });
  });

  it('pages the inbox newest first, with the total', async () => {
    const first = notificationListResponseSchema.parse((await api().get('/notifications?page=1&pageSize=10').set('Authorization', `Bearer ${owner.token}`).expect(200)).body);
    expect(first).toMatchObject({ page: 1, pageSize: 10, total: 25 });
    expect(first.items).toHaveLength(10);
    expect(first.items[0]?.body).toContain('签到码MC-24');
    expect(first.items[0]).toMatchObject({ title: '预约成功', eventType: 'BOOKING_CONFIRMED', isRead: false, readAt: null });
    const times = first.items.map((item) => item.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const last = notificationListResponseSchema.parse((await api().get('/notifications?page=3&pageSize=10').set('Authorization', `Bearer ${owner.token}`).expect(200)).body);
    expect(last.items.map((item) => item.body.match(/MC-\d+/)?.[0])).toEqual(['MC-4', 'MC-3', 'MC-2', 'MC-1', 'MC-0']);

    const defaults = notificationListResponseSchema.parse((await api().get('/notifications').set('Authorization', `Bearer ${owner.token}`).expect(200)).body);
    expect(defaults).toMatchObject({ page: 1, pageSize: 20 });
    await api().get('/notifications?pageSize=51').set('Authorization', `Bearer ${owner.token}`).expect(400);
    await api().get('/notifications?page=0').set('Authorization', `Bearer ${owner.token}`).expect(400);
  });

  it('counts unread, marks one and all read, and only ever the caller’s own', async () => {
    const auth = `Bearer ${owner.token}`;
    expect((await api().get('/notifications/unread-count').set('Authorization', auth).expect(200)).body).toEqual({ count: 25 });
    const list = notificationListResponseSchema.parse((await api().get('/notifications?pageSize=1').set('Authorization', auth)).body);
    const id = list.items[0]?.id ?? '';

    const read = markReadResponseSchema.parse((await api().post(`/notifications/${id}/read`).set('Authorization', auth).expect(200)).body);
    expect(read.notification).toMatchObject({ id, isRead: true });
    expect(read.notification.readAt).not.toBeNull();
    const again = markReadResponseSchema.parse((await api().post(`/notifications/${id}/read`).set('Authorization', auth).expect(200)).body);
    expect(again.notification.readAt).toBe(read.notification.readAt);
    expect((await api().get('/notifications/unread-count').set('Authorization', auth)).body).toEqual({ count: 24 });

    const unread = notificationListResponseSchema.parse((await api().get('/notifications?unreadOnly=true&pageSize=50').set('Authorization', auth)).body);
    expect(unread.total).toBe(24);
    expect(unread.items.some((item) => item.id === id)).toBe(false);

    // Someone else's message is as absent as a missing one.
    const othersId = (await t.prisma.notification.findFirstOrThrow({ where: { userId: other.user.id } })).id;
    const forbidden = await api().post(`/notifications/${othersId}/read`).set('Authorization', auth).expect(404);
    expect(forbidden.body.error.code).toBe('NOT_FOUND');
    await api().post('/notifications/no-such-message/read').set('Authorization', auth).expect(404);
    expect((await t.prisma.notification.findUniqueOrThrow({ where: { id: othersId } })).readAt).toBeNull();

    expect((await api().post('/notifications/read-all').set('Authorization', auth).expect(200)).body).toEqual({ updated: 24 });
    expect((await api().get('/notifications/unread-count').set('Authorization', auth)).body).toEqual({ count: 0 });
    expect((await api().get('/notifications/unread-count').set('Authorization', `Bearer ${other.token}`)).body).toEqual({ count: 1 });
  });

  it('answers 401 without a session', async () => {
    await api().get('/notifications').expect(401);
    await api().get('/notifications/unread-count').expect(401);
    await api().post('/notifications/read-all').expect(401);
    await api().post('/notifications/x/read').expect(401);
    await api().post('/notifications/subscriptions').send({ results: { TPL_BOOKING_CONFIRMED: 'accept' } }).expect(401);
  });
});

describe('subscribe acceptances API', () => {
  it('counts each accept as one send, ignores rejects and unknown templates, validates input', async () => {
    const { token, user } = await loginAs('subscriber');
    const auth = `Bearer ${token}`;
    const post = (results: unknown) => api().post('/notifications/subscriptions').set('Authorization', auth).send({ results });

    await post({ TPL_BOOKING_CONFIRMED: 'accept', TPL_BOOKING_REMINDER: 'reject', TPL_NOT_OURS: 'accept' }).expect(200);
    const body = subscriptionsResponseSchema.parse((await post({ TPL_BOOKING_CONFIRMED: 'accept', TPL_PAYMENT_RESULT: 'filter' }).expect(200)).body);
    expect(body.subscriptions).toEqual([{ templateId: 'TPL_BOOKING_CONFIRMED', remaining: 2, isLongTerm: false }]);
    expect(body.templates.find((template) => template.templateId === 'TPL_PAYMENT_RESULT')?.events.sort()).toEqual(['PAYMENT_REFUNDED', 'PAYMENT_SUCCEEDED']);
    expect(await t.prisma.subscribeQuota.count({ where: { userId: user.id } })).toBe(1);

    await post({ TPL_BOOKING_CONFIRMED: 'reject' }).expect(200);
    const listed = subscriptionsResponseSchema.parse((await api().get('/notifications/subscriptions').set('Authorization', auth).expect(200)).body);
    expect(listed.subscriptions).toEqual([{ templateId: 'TPL_BOOKING_CONFIRMED', remaining: 2, isLongTerm: false }]);

    expect((await post({ TPL_BOOKING_CONFIRMED: 'maybe' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    await post({}).expect(400);
    await api().post('/notifications/subscriptions').set('Authorization', auth).send({}).expect(400);
  });
});
