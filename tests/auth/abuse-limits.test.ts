import request from 'supertest';
import { createStaffAccountResponseSchema } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { loginAs } from '../support/factories';
import { api, createResident, startMailboxEnv, submit, type MailboxEnv } from '../mailbox/mailbox-env';

/**
 * Behind nginx (TRUST_PROXY, one hop) the client address is the entry nginx appended, whatever the
 * client wrote before it; limits key on what they protect (the code tried, the tracking code) as
 * well as the address, and count failures only where success is no abuse.
 */
let env: MailboxEnv;
let loginApp: WechatTestApp;

beforeAll(async () => {
  env = await startMailboxEnv('2026-10-12 10:00', { TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '1' });
  loginApp = await createWechatTestApp({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '1', LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
});
afterAll(async () => {
  await env.close();
  await loginApp.close();
});
afterEach(async () => {
  for (const redis of [env.redis, loginApp.redis]) {
    const keys = await redis.keys(`${env.config.REDIS_KEY_PREFIX}rl:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
});

const letters = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const from = (address: string, forged = 'x') => ({ 'X-Forwarded-For': `${forged}, ${address}` });

describe('client address with one trusted proxy hop', () => {
  it('a forged X-Forwarded-For entry is ignored: rotating it does not dodge the login limit', async () => {
    const login = (headers: Record<string, string>) => request(loginApp.app.callback()).post('/auth/wechat').set(headers).send({ code: loginApp.fake.control.mintLoginCode(`oHOP_${Math.random()}`).code });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) statuses.push((await login(from('203.0.113.7', `10.9.9.${attempt}`))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Another real client behind the same nginx is not affected.
    expect((await login(from('198.51.100.9', '203.0.113.7'))).status).toBe(200);
    // The limit is keyed on the address nginx appended, never on a forged one.
    const keys = await loginApp.redis.keys(`${loginApp.config.REDIS_KEY_PREFIX}rl:login*`);
    expect(keys.some((key) => key.endsWith('203.0.113.7'))).toBe(true);
    expect(keys.some((key) => key.includes('10.9.9.'))).toBe(false);
  });
});

describe('staff binding codes', () => {
  async function issueCode(): Promise<string> {
    const response = await api(env).post('/admin/staff-accounts').set(env.world.admin.auth).send({ name: '窗口人员', roles: [{ role: 'DEPARTMENT_HANDLER', departmentId: env.world.departmentA.id }] });
    expect(response.status).toBe(201);
    return createStaffAccountResponseSchema.parse(response.body).bindingCode.code;
  }

  it('20 staff of one office bind with their correct codes from one NAT address', async () => {
    // Created at once, as an admin clicking through a list would not, but a script might.
    const codes = await Promise.all(Array.from({ length: 20 }, issueCode));
    const statuses: number[] = [];
    for (const code of codes) {
      const person = await loginAs(env);
      statuses.push((await api(env).post('/staff/bind').set(person.auth).set(from('192.0.2.10')).send({ code })).status);
    }
    expect(statuses).toEqual(Array.from({ length: 20 }, () => 200));
  });

  it('guessing one code from many addresses and accounts is locked by the code own counter', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const guesser = await loginAs(env);
      statuses.push((await api(env).post('/staff/bind').set(guesser.auth).set(from(`198.18.0.${attempt + 1}`)).send({ code: 'HJKMNPQR' })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
    // That code's lock does not touch anyone else: a fresh person on a fresh address binds theirs.
    const person = await loginAs(env);
    expect((await api(env).post('/staff/bind').set(person.auth).set(from('198.18.1.1')).send({ code: await issueCode() })).status).toBe(200);
  });

  it('one address guessing many codes with many accounts is stopped by its failure count', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      const guesser = await loginAs(env);
      statuses.push((await api(env).post('/staff/bind').set(guesser.auth).set(from('198.18.2.1', `10.0.0.${attempt}`)).send({ code: `ABCDEF${letters[Math.floor(attempt / 31)]}${letters[attempt % 31]}` })).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('anonymous letter look-up', () => {
  it('successful look-ups do not count: residents behind one address find their letters 25 times', async () => {
    const resident = await createResident(env, '13912345678');
    const receipt = await submit(env, resident);
    for (let attempt = 0; attempt < 25; attempt += 1) {
      expect((await api(env).post('/letters/lookup').set(from('192.0.2.20')).send({ trackingCode: receipt.trackingCode, phoneLast4: '5678' })).status).toBe(200);
    }
  });

  it('guessing the phone digits of one tracking code from many addresses is limited per code', async () => {
    const resident = await createResident(env, '13900001234');
    const receipt = await submit(env, resident);
    const other = await submit(env, await createResident(env, '13900005555'));
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      statuses.push((await api(env).post('/letters/lookup').set(from(`198.19.0.${attempt + 1}`)).send({ trackingCode: receipt.trackingCode, phoneLast4: String(1000 + attempt) })).status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    const locked = await api(env).post('/letters/lookup').set(from('198.19.1.1')).send({ trackingCode: receipt.trackingCode, phoneLast4: '1234' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toBe('该查询码尝试次数过多，请1小时后再试');
    // Another letter's code is unaffected, from the same addresses.
    expect((await api(env).post('/letters/lookup').set(from('198.19.0.1')).send({ trackingCode: other.trackingCode, phoneLast4: '5555' })).status).toBe(200);
    // The resident still sees the letter in 我的留言 while signed in.
    expect((await api(env).get(`/letters/${receipt.id}`).set(resident.auth)).status).toBe(200);
  });
});
