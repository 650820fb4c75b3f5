import { createHash } from 'node:crypto';
import request from 'supertest';
import { errorBodySchema, wechatLoginResponseSchema } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';

let t: WechatTestApp;

beforeAll(async () => {
  t = await createWechatTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '20' });
});
afterAll(async () => {
  await t.close();
});
async function resetLoginBudget(): Promise<void> {
  // Other suites on this worker sign in from the same address under the same key prefix.
  const keys = await t.redis.keys(`${t.config.REDIS_KEY_PREFIX}rl:login*`);
  if (keys.length > 0) await t.redis.del(...keys);
}
beforeEach(resetLoginBudget);
afterEach(async () => {
  t.fake.control.setOutage('none');
  // Each test starts with a fresh login budget for the test client's address.
  const keys = await t.redis.keys(`${t.config.REDIS_KEY_PREFIX}rl:login*`);
  if (keys.length > 0) await t.redis.del(...keys);
});

async function login(code: string) {
  return request(t.app.callback()).post('/auth/wechat').send({ code });
}

describe('POST /auth/wechat', () => {
  it('turns a wx.login code into a session for the user with that openid', async () => {
    const { code, openid } = t.fake.control.mintLoginCode({ personaKey: 'resident-zhang' });
    const response = await login(code);
    expect(response.status).toBe(200);
    const body = wechatLoginResponseSchema.parse(response.body);
    expect(body.user.roles).toEqual([]);
    expect(JSON.stringify(response.body)).not.toMatch(/session_key|sessionKey|openid/);

    const user = await t.prisma.user.findUniqueOrThrow({ where: { openid } });
    expect(body.user.id).toBe(user.id);

    const me = await request(t.app.callback()).get('/me').set('Authorization', `Bearer ${body.token}`);
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(user.id);

    // The same WeChat user logging in again is the same user, with a second session.
    const again = wechatLoginResponseSchema.parse((await login(t.fake.control.mintLoginCode(openid).code)).body);
    expect(again.user.id).toBe(user.id);
    expect(again.token).not.toBe(body.token);
  });

  it('keeps only a hash of the token on the server, and nowhere WeChat\'s session_key', async () => {
    const { code, openid } = t.fake.control.mintLoginCode({ personaKey: 'resident-li' });
    const body = wechatLoginResponseSchema.parse((await login(code)).body);
    const tokenHash = createHash('sha256').update(body.token).digest('hex');
    expect(await t.redis.exists(`${t.config.REDIS_KEY_PREFIX}session:${tokenHash}`)).toBe(1);
    expect(await t.redis.exists(`${t.config.REDIS_KEY_PREFIX}session:${body.token}`)).toBe(0);

    // The session_key code2Session answered with: in no Redis value of ours and no column of the user.
    const sessionKey = t.fake.state.users.get(openid)?.sessionKey;
    expect(sessionKey).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const keys = await t.redis.keys(`${t.config.REDIS_KEY_PREFIX}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => key.includes('wx-session-key'))).toEqual([]);
    for (const key of keys) {
      const type = await t.redis.type(key);
      const value =
        type === 'string' ? await t.redis.get(key)
        : type === 'hash' ? JSON.stringify(await t.redis.hgetall(key))
        : type === 'set' ? JSON.stringify(await t.redis.smembers(key))
        : type === 'zset' ? JSON.stringify(await t.redis.zrange(key, '0', '-1'))
        : type === 'list' ? JSON.stringify(await t.redis.lrange(key, 0, -1))
        : '';
      expect(value ?? '').not.toContain(sessionKey);
    }
    const userRow = await t.prisma.user.findUniqueOrThrow({ where: { id: body.user.id } });
    expect(JSON.stringify(userRow)).not.toContain(sessionKey);
    const ttl = await t.redis.ttl(`${t.config.REDIS_KEY_PREFIX}session:${tokenHash}`);
    expect(ttl).toBeGreaterThan(t.config.SESSION_TTL_SECONDS - 10);
  });

  it('answers a used code, an invalid code and a risky user with clear 4xx', async () => {
    const { code } = t.fake.control.mintLoginCode({ personaKey: 'resident-wang' });
    expect((await login(code)).status).toBe(200);

    const reused = await login(code);
    expect(reused.status).toBe(400);
    expect(errorBodySchema.parse(reused.body).error).toMatchObject({ code: 'WECHAT_CODE_USED', message: '微信登录凭证已使用，请重新登录' });

    const invalid = await login('not-a-real-code');
    expect(invalid.status).toBe(400);
    expect(errorBodySchema.parse(invalid.body).error.code).toBe('WECHAT_CODE_INVALID');

    t.fake.control.upsertUser({ openid: 'oRISKY_user_0001', isHighRisk: true });
    const risky = await login(t.fake.control.mintLoginCode('oRISKY_user_0001').code);
    expect(risky.status).toBe(403);
    expect(errorBodySchema.parse(risky.body).error.code).toBe('WECHAT_USER_RISKY');
  });

  it('answers 503 with a retry hint when WeChat is down, never 500', async () => {
    const { code } = t.fake.control.mintLoginCode({ personaKey: 'resident-zhang' });
    t.fake.control.setOutage('errcode-1');
    const systemError = await login(code);
    expect(systemError.status).toBe(503);
    expect(systemError.headers['retry-after']).toBe('5');
    expect(errorBodySchema.parse(systemError.body).error.message).toBe('微信服务暂时不可用，请稍后重试');

    t.fake.control.setOutage('http-503');
    const unreachable = await login(t.fake.control.mintLoginCode({ personaKey: 'resident-zhang' }).code);
    expect(unreachable.status).toBe(503);
  });

  it('rejects a missing or malformed code with a validation error', async () => {
    const missing = await request(t.app.callback()).post('/auth/wechat').send({});
    expect(missing.status).toBe(400);
    expect(errorBodySchema.parse(missing.body).error.code).toBe('VALIDATION_FAILED');
    const wrongType = await request(t.app.callback()).post('/auth/wechat').send({ code: 12345 });
    expect(wrongType.status).toBe(400);
  });

  it('limits login attempts per client with 429 and Retry-After', async () => {
    const answers: number[] = [];
    for (let attempt = 0; attempt < 22; attempt += 1) answers.push((await login(`garbage-${attempt}`)).status);
    expect(answers.slice(0, 20).every((status) => status === 400)).toBe(true);
    expect(answers.slice(20)).toEqual([429, 429]);
    const limited = await login('garbage-last');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorBodySchema.parse(limited.body).error.code).toBe('RATE_LIMITED');
  });
});

describe('sessions', () => {
  it('logout revokes the token; unknown and malformed tokens are 401', async () => {
    const body = wechatLoginResponseSchema.parse((await login(t.fake.control.mintLoginCode({ personaKey: 'resident-zhang' }).code)).body);
    const auth = { Authorization: `Bearer ${body.token}` };
    expect((await request(t.app.callback()).post('/auth/logout').set(auth)).status).toBe(204);
    const after = await request(t.app.callback()).get('/me').set(auth);
    expect(after.status).toBe(401);
    expect(errorBodySchema.parse(after.body).error.code).toBe('UNAUTHENTICATED');
    expect((await request(t.app.callback()).get('/me').set('Authorization', 'Bearer nonsense')).status).toBe(401);
    expect((await request(t.app.callback()).get('/me').set('Authorization', 'Basic abc')).status).toBe(401);
    expect((await request(t.app.callback()).get('/me')).status).toBe(401);
  });
});
