import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createLogger } from '../../bff/src/platform/logger';
import { at, book, createBookingHall, slotAt, startBookingEnv, type BookingEnv } from '../booking/booking-env';
import { loginAs } from '../support/factories';

/**
 * Logs are JSON lines with request ids and no personal data: a resident's whole journey (login,
 * phone binding, a letter, a booking) at the most verbose level leaves none of it in any line.
 */
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
    done();
  },
});

let env: BookingEnv;

beforeAll(async () => {
  env = await startBookingEnv('2026-09-30 08:00', { logger: createLogger({ level: 'trace', destination: sink }) });
}, 60000);
afterAll(async () => {
  await env.close();
});

describe('logs of a resident journey', () => {
  it('carry request ids and no openid, phone number, ID number, session token or letter text', async () => {
    const api = () => request(env.app.callback());
    const phone = '13987654321';
    const idNumber = '330102199003071234';
    const letterText = `清江路口的红绿灯坏了三天，早晚高峰很危险，请尽快修复。${randomUUID().slice(0, 8)}`;

    const resident = await loginAs(env);
    await api().post('/me/consents').set(resident.auth).send({ kind: 'PRIVACY_POLICY', version: env.config.PRIVACY_POLICY_VERSION }).expect(200);
    const { code: phoneCode } = env.fake.control.mintPhoneCode(resident.openid, phone);
    await api().post('/me/phone').set(resident.auth).send({ code: phoneCode }).expect(200);

    const department = await env.prisma.department.create({ data: { name: `测试日志办${randomUUID().slice(0, 8)}` }, select: { id: true } });
    const mailbox = await env.prisma.mailbox.create({ data: { name: `测试日志信箱${randomUUID().slice(0, 8)}`, kind: 'LEADER', ownerDepartmentId: department.id, description: '测试用信箱' }, select: { id: true } });
    const letter = await api()
      .post('/letters')
      .set(resident.auth)
      .set('Idempotency-Key', `letter-${randomUUID()}`)
      .send({ mailboxId: mailbox.id, type: 'COMPLAIN', title: '清江路红绿灯故障', body: `${letterText} 联系人身份证 ${idNumber}，电话 ${phone}。`, isPublishAgreed: false });
    expect(letter.status).toBe(201);

    const hall = await createBookingHall(env, { rules: [{ weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', capacity: 2, slotMinutes: 60 }] });
    expect(at('2026-10-08 10:00').getTime()).toBeGreaterThan(env.clock.now.getTime());
    const booked = await book(env, resident, (await slotAt(env, hall.hallId, '2026-10-08 10:00')).id);
    expect(booked.status).toBe(201);
    // Bad input is logged too (as a 4xx request line): the text it carried must not be.
    const refused = await api().post('/letters').set(resident.auth).set('Idempotency-Key', `letter-${randomUUID()}`).send({ mailboxId: 'not-a-mailbox', body: letterText });
    expect(refused.status).toBe(400);

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLines = entries.filter((entry) => entry.msg === 'request');
    for (const route of ['/auth/wechat', '/me/consents', '/me/phone', '/letters', '/appointments']) {
      expect(requestLines.some((entry) => entry.route === route)).toBe(true);
    }
    for (const entry of requestLines) expect(entry.requestId).toEqual(expect.stringMatching(/^[\w.-]{8,64}$/));
    expect(requestLines.find((entry) => entry.route === '/me/phone')?.requestId).toBeDefined();

    const everything = lines.join('\n');
    const secrets = { openid: resident.openid, phone, phoneDigits: phone.slice(3), idNumber, token: resident.token, letterText: letterText.slice(0, 12), letterTextEnd: letterText.slice(-8) };
    for (const [what, secret] of Object.entries(secrets)) {
      expect({ what, found: everything.includes(secret) }).toEqual({ what, found: false });
    }
  });
});
