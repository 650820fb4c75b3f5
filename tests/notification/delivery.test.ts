import { drainOutbox, type DrainReport } from '../../bff/src/modules/notification/drain-outbox';
import { enqueueNotification } from '../../bff/src/modules/notification/enqueue-notification';
import { createWechat, type Wechat } from '../../bff/src/modules/wechat';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { bookingPayload, createResidents, drainDeps, enqueue, removeResidents, runTag, sleep, waitFor, type Resident } from './notification-support';

let t: WechatTestApp;
let wechat: Wechat;
const tag = runTag();
const created: Resident[] = [];
let counter = 0;

beforeAll(async () => {
  t = await createWechatTestApp({ REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX ?? ''}ntf:${tag}:` });
  wechat = createWechat(t.config, t.redis);
});
afterEach(() => {
  t.fake.control.setOutage('none');
});
afterAll(async () => {
  await t.prisma.notificationTemplate.deleteMany({ where: { wechatTemplateId: { startsWith: 'TPL_' }, eventType: { in: ['BOOKING_CANCELLED_BY_HALL', 'BOOKING_REMINDER'] } } });
  await removeResidents(t.prisma, created);
  await t.close();
});

async function resident(quota = 0): Promise<Resident> {
  counter += 1;
  const [user] = await createResidents(t.prisma, `${tag}-${counter}`, 1);
  if (!user) throw new Error('no resident');
  created.push(user);
  if (quota > 0) {
    await t.prisma.subscribeQuota.create({ data: { userId: user.id, templateId: 'TPL_BOOKING_CONFIRMED', remaining: quota, lastAcceptedAt: new Date() } });
    t.fake.control.acceptSubscription({ openid: user.openid, templateId: 'TPL_BOOKING_CONFIRMED', count: quota });
  }
  return user;
}

const drain = (options: { maxAttempts?: number; retryBaseMs?: number } = {}): Promise<DrainReport> => drainOutbox(drainDeps(t.prisma, wechat.miniProgram, options));
const outboxRow = (id: string) => t.prisma.outboxEvent.findUniqueOrThrow({ where: { id } });
const remaining = async (user: Resident, templateId = 'TPL_BOOKING_CONFIRMED') =>
  (await t.prisma.subscribeQuota.findUnique({ where: { userId_templateId: { userId: user.id, templateId } } }))?.remaining ?? null;
const received = (user: Resident) => t.fake.control.subscribeMessages(user.openid);

describe('enqueueNotification (outbox)', () => {
  it('writes nothing when the transaction rolls back', async () => {
    const user = await resident();
    const dedupeKey = `rollback:${tag}`;
    await expect(
      t.prisma.$transaction(async (tx) => {
        await enqueueNotification(tx, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('RB1'), dedupeKey });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await t.prisma.outboxEvent.count({ where: { dedupeKey } })).toBe(0);
    expect(await t.prisma.notification.count({ where: { userId: user.id } })).toBe(0);
  });

  it('treats a duplicate dedupeKey as a no-op, even when two producers race', async () => {
    const user = await resident();
    const dedupeKey = `dup:${tag}`;
    const first = await t.prisma.$transaction((tx) => enqueueNotification(tx, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('D1'), dedupeKey }));
    const second = await t.prisma.$transaction((tx) => enqueueNotification(tx, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('D1'), dedupeKey }));
    expect(first.isCreated).toBe(true);
    expect(second).toEqual({ outboxEventId: first.outboxEventId, isCreated: false });

    const racing = `race:${tag}`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () => t.prisma.$transaction((tx) => enqueueNotification(tx, { userId: user.id, event: 'BOOKING_REMINDER', payload: { appointmentId: 'a', itemName: '户籍', hallName: '城东', slotStart: new Date() }, dedupeKey: racing }))),
    );
    expect(results.filter((result) => result.isCreated)).toHaveLength(1);
    expect(await t.prisma.outboxEvent.count({ where: { dedupeKey: { in: [dedupeKey, racing] } } })).toBe(2);
    const messages = await t.prisma.notification.findMany({ where: { userId: user.id } });
    expect(messages).toHaveLength(2);
    expect(messages.find((message) => message.eventType === 'BOOKING_CONFIRMED')).toMatchObject({ title: '预约成功', outboxEventId: first.outboxEventId });
  });
});

describe('delivering subscribe messages', () => {
  it('sends one message with WeChat-shaped data and uses one acceptance', async () => {
    const user = await resident(2);
    const id = await enqueue(t.prisma, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('QJ-OK-1'), dedupeKey: `ok:${tag}` });
    await drain();
    expect(await outboxRow(id)).toMatchObject({ status: 'SENT', attempts: 1, lockedBy: null, lastError: null });
    expect(received(user)).toHaveLength(1);
    expect(received(user)[0]).toMatchObject({
      templateId: 'TPL_BOOKING_CONFIRMED',
      data: { thing1: '不动产登记（二手房转移登记）业务办理与…', time2: '2026年11月23日 15:01', thing3: '清江市政务服务中心', character_string4: 'QJ-OK-1', thing5: '请携带有效证件按时到场' },
    });
    expect(await remaining(user)).toBe(1);
    expect(await t.prisma.notification.count({ where: { userId: user.id, outboxEventId: id } })).toBe(1);
    await drain();
    expect(received(user)).toHaveLength(1);
  });

  it('without an acceptance: SKIPPED, in-app only, WeChat never called', async () => {
    const user = await resident(0);
    t.fake.control.upsertUser({ openid: user.openid });
    const id = await enqueue(t.prisma, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('NOQ'), dedupeKey: `noquota:${tag}` });
    const attemptsBefore = t.fake.state.subscribeAttempts.length;
    await drain();
    expect(await outboxRow(id)).toMatchObject({ status: 'SKIPPED', attempts: 0, lastError: expect.stringMatching(/^NO_QUOTA/) });
    expect(t.fake.state.subscribeAttempts.length).toBe(attemptsBefore);
    expect(await t.prisma.notification.count({ where: { outboxEventId: id } })).toBe(1);
  });

  it('events without a template reach the message centre only', async () => {
    const user = await resident(1);
    const id = await enqueue(t.prisma, { userId: user.id, event: 'RATING_REQUEST', payload: { appointmentId: 'a', itemName: '户籍迁移', hallName: '城东分中心' }, dedupeKey: `notpl:${tag}` });
    await drain();
    expect(await outboxRow(id)).toMatchObject({ status: 'SKIPPED', lastError: expect.stringMatching(/^NO_TEMPLATE/) });
    expect(await remaining(user)).toBe(1);
  });

  it('43101 (acceptance revoked at WeChat): SKIPPED at once, never retried, quota cleared', async () => {
    const user = await resident(1);
    t.fake.control.revokeSubscription(user.openid, 'TPL_BOOKING_CONFIRMED');
    const id = await enqueue(t.prisma, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('REVOKED'), dedupeKey: `43101:${tag}` });
    await drain();
    expect(await outboxRow(id)).toMatchObject({ status: 'SKIPPED', attempts: 1, wechatErrcode: 43101, lastError: expect.stringMatching(/^NOT_SUBSCRIBED/) });
    expect(await remaining(user)).toBe(0);
    const attempts = t.fake.state.subscribeAttempts.filter((attempt) => attempt.touser === user.openid).length;
    await drain();
    expect(t.fake.state.subscribeAttempts.filter((attempt) => attempt.touser === user.openid)).toHaveLength(attempts);
    expect(await t.prisma.notification.count({ where: { outboxEventId: id } })).toBe(1);
  });

  it('outages (errcode -1, HTTP 503): retried with growing backoff, then SENT once', async () => {
    const user = await resident(1);
    const id = await enqueue(t.prisma, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('OUTAGE'), dedupeKey: `outage:${tag}` });
    t.fake.control.setOutage('errcode-1');
    const start = Date.now();
    // Backoff long enough that "not due yet" holds on a busy machine: ~0.5 s, then ~1 s.
    const slow = { retryBaseMs: 500 };
    await drain(slow);
    const first = await outboxRow(id);
    expect(first).toMatchObject({ status: 'PENDING', attempts: 1, wechatErrcode: -1, lockedBy: null });
    expect(first.nextAttemptAt.getTime()).toBeGreaterThan(start);
    expect(await remaining(user)).toBe(1); // the acceptance went back: WeChat did not take the message

    await drain(slow); // not due yet
    expect((await outboxRow(id)).attempts).toBe(1);

    t.fake.control.setOutage('http-503');
    await waitFor(async () => (await outboxRow(id)).nextAttemptAt.getTime() <= Date.now(), { what: 'the first retry' });
    await drain(slow);
    const second = await outboxRow(id);
    expect(second).toMatchObject({ status: 'PENDING', attempts: 2, wechatErrcode: null, lastError: expect.stringMatching(/503/) });
    expect(second.nextAttemptAt.getTime() - second.updatedAt.getTime()).toBeGreaterThan(first.nextAttemptAt.getTime() - first.updatedAt.getTime());

    t.fake.control.setOutage('none');
    await waitFor(async () => (await outboxRow(id)).nextAttemptAt.getTime() <= Date.now(), { what: 'the second retry' });
    await drain(slow);
    expect(await outboxRow(id)).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(received(user)).toHaveLength(1);
    expect(await remaining(user)).toBe(0);
  });

  it('gives up after the last attempt, recording the error', async () => {
    const user = await resident(1);
    const id = await enqueue(t.prisma, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('GIVEUP'), dedupeKey: `giveup:${tag}` });
    t.fake.control.setOutage('errcode-1');
    await drain({ maxAttempts: 2 });
    await waitFor(async () => (await outboxRow(id)).nextAttemptAt.getTime() <= Date.now());
    await drain({ maxAttempts: 2 });
    expect(await outboxRow(id)).toMatchObject({ status: 'FAILED', attempts: 2, wechatErrcode: -1, lastError: expect.stringMatching(/^GAVE_UP after 2 attempts/) });
    expect(await remaining(user)).toBe(1);
  });

  it('47003 (data WeChat rejects): FAILED permanently with the field named, acceptance kept', async () => {
    // A template row whose field map misses a key the template needs: WeChat answers 47003.
    await t.prisma.notificationTemplate.create({ data: { eventType: 'BOOKING_CANCELLED_BY_HALL', wechatTemplateId: 'TPL_BOOKING_CANCELLED', fieldMap: { thing1: 'itemName', thing3: 'reason' } } });
    const user = await resident(0);
    await t.prisma.subscribeQuota.create({ data: { userId: user.id, templateId: 'TPL_BOOKING_CANCELLED', remaining: 1 } });
    t.fake.control.acceptSubscription({ openid: user.openid, templateId: 'TPL_BOOKING_CANCELLED' });
    const id = await enqueue(t.prisma, {
      userId: user.id,
      event: 'BOOKING_CANCELLED_BY_HALL',
      payload: { appointmentId: 'a', itemName: '户籍迁移', hallName: '城东分中心', slotStart: new Date(), reason: '系统升级' },
      dedupeKey: `47003:${tag}`,
    });
    await drain();
    expect(await outboxRow(id)).toMatchObject({ status: 'FAILED', attempts: 1, wechatErrcode: 47003, lastError: expect.stringMatching(/time2/) });
    expect(await remaining(user, 'TPL_BOOKING_CANCELLED')).toBe(1);
    await t.prisma.notificationTemplate.deleteMany({ where: { eventType: 'BOOKING_CANCELLED_BY_HALL' } });
  });

  it('42001 (token expired at WeChat): one token refresh, then delivered', async () => {
    const user = await resident(2);
    const firstId = await enqueue(t.prisma, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('TOKEN-1'), dedupeKey: `token1:${tag}` });
    await drain();
    expect((await outboxRow(firstId)).status).toBe('SENT');
    const tokensBefore = t.fake.state.accessTokens.size;
    t.fake.control.advanceClock(7300); // our cache still holds the token, WeChat has expired it
    const id = await enqueue(t.prisma, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('TOKEN-2'), dedupeKey: `token2:${tag}` });
    await drain();
    expect(await outboxRow(id)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(t.fake.state.accessTokens.size).toBe(tokensBefore + 1);
    expect(t.fake.state.subscribeAttempts.filter((attempt) => attempt.touser === user.openid).map((attempt) => attempt.errcode)).toEqual([0, 42001, 0]);
    expect(received(user)).toHaveLength(2);
  });

  it('long-term templates (configured in the table) need no quota', async () => {
    await t.prisma.notificationTemplate.create({ data: { eventType: 'BOOKING_REMINDER', wechatTemplateId: 'TPL_BOOKING_REMINDER', isLongTerm: true, fieldMap: { thing1: 'itemName', time2: 'slotStart', thing3: 'hallName', thing4: { path: 'remark', fallback: '请按时到场' } } } });
    const user = await resident(0);
    await t.prisma.subscribeQuota.create({ data: { userId: user.id, templateId: 'TPL_BOOKING_REMINDER', isLongTerm: true } });
    t.fake.control.acceptSubscription({ openid: user.openid, templateId: 'TPL_BOOKING_REMINDER', longTerm: true });
    const ids = await Promise.all(
      ['D-1', 'H-1'].map((when) => enqueue(t.prisma, { userId: user.id, event: 'BOOKING_REMINDER', payload: { appointmentId: 'a', itemName: '户籍迁移', hallName: '城东分中心', slotStart: new Date() }, dedupeKey: `longterm:${tag}:${when}` })),
    );
    await drain();
    for (const id of ids) expect((await outboxRow(id)).status).toBe('SENT');
    expect(received(user).map((message) => message.data.thing4)).toEqual(['请按时到场', '请按时到场']);
    await t.prisma.notificationTemplate.deleteMany({ where: { eventType: 'BOOKING_REMINDER' } });
  });

  it('a row abandoned mid-send by a dead worker is FAILED as uncertain, never resent', async () => {
    const user = await resident(1);
    const id = await enqueue(t.prisma, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload('ABANDONED'), dedupeKey: `abandoned:${tag}` });
    await t.prisma.outboxEvent.update({ where: { id }, data: { lockedBy: 'send:dead-worker-1', lockedUntil: new Date(Date.now() - 1000), attempts: 1 } });
    const report = await drain();
    expect(report.abandoned).toBeGreaterThanOrEqual(1);
    expect(await outboxRow(id)).toMatchObject({ status: 'FAILED', lastError: expect.stringMatching(/^UNCERTAIN/) });
    expect(received(user)).toHaveLength(0);
  });

  it('concurrent drains never share a row', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => resident(10)));
    const ids = await Promise.all(
      Array.from({ length: 60 }, (_, index) => {
        const user = users[index % users.length];
        if (!user) throw new Error('no user');
        return enqueue(t.prisma, { userId: user.id, event: 'BOOKING_CONFIRMED', payload: bookingPayload(`PAR-${index}`), dedupeKey: `parallel:${tag}:${index}` });
      }),
    );
    await Promise.all([drain(), drain(), drain()]);
    await sleep(10);
    const rows = await t.prisma.outboxEvent.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.status === 'SENT' && row.attempts === 1)).toBe(true);
    const numbers = users.flatMap((user) => received(user).map((message) => message.data.character_string4));
    expect(numbers).toHaveLength(60);
    expect(new Set(numbers).size).toBe(60);
    for (const user of users) expect(await remaining(user)).toBe(0);
  });
});
