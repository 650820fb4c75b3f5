import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import request from 'supertest';
import { errorBodySchema } from '@govpocket/shared';
import { createAccessTokenManager } from '../../bff/src/modules/wechat/access-token';
import { createMiniProgramApi } from '../../bff/src/modules/wechat/mini-program-api';
import { createWechatHttp, WechatMalformedAnswerError } from '../../bff/src/modules/wechat/wechat-http';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * WeChat's answers are parsed with schemas, never cast: a tiny local server plays a WeChat that
 * answers 200 with garbage, and every API turns it into a clean upstream error (503 in the error
 * shape over HTTP), not a crash or a half-written row.
 */
type Answer = { status: number; body: string };
const answers = new Map<string, Answer>();
let server: Server;
let baseUrl: string;
let t: TestApp;
let redis: Redis;
const keyPrefix = `test:garbage:${process.pid}:`;

const good = {
  '/sns/jscode2session': '{"openid":"oGARBAGE_0001","session_key":"c2Vzc2lvbmtleQ=="}',
  '/cgi-bin/stable_token': '{"access_token":"TOKEN-1","expires_in":7200}',
  '/wxa/business/getuserphonenumber': '{"errcode":0,"errmsg":"ok","phone_info":{"phoneNumber":"13800001111","purePhoneNumber":"13800001111","countryCode":"86"}}',
  '/wxa/msg_sec_check': '{"errcode":0,"errmsg":"ok","result":{"suggest":"pass","label":100},"trace_id":"trace-1"}',
  '/cgi-bin/message/subscribe/send': '{"errcode":0,"errmsg":"ok"}',
};
const reset = () => {
  answers.clear();
  for (const [path, body] of Object.entries(good)) answers.set(path, { status: 200, body });
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = answers.get(new URL(req.url ?? '/', 'http://x').pathname) ?? { status: 404, body: '{"errcode":40404,"errmsg":"no such api"}' };
    req.resume();
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(answer.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await createTestApp({ WECHAT_API_BASE: baseUrl });
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
});
afterAll(async () => {
  await t.close();
  redis.disconnect();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  reset();
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
});

const garbage = ['not json at all', '[]', 'null', '"ok"', '{"errcode":"zero"}', '{}', '{"openid":42,"session_key":true}', '{"openid":"","session_key":"k"}'];

function api() {
  const http = createWechatHttp({ baseUrl, timeoutMs: 2000 });
  const tokens = createAccessTokenManager({ http, redis, appid: 'wxappid', secret: 'secret', keyPrefix });
  return { tokens, miniProgram: createMiniProgramApi({ http, tokens, appid: 'wxappid', secret: 'secret' }) };
}

describe('malformed WeChat answers', () => {
  it('wx.login: every malformed code2Session answer is a 503 in the error shape, and no user is created', async () => {
    for (const body of garbage) {
      answers.set('/sns/jscode2session', { status: 200, body });
      const response = await request(t.app.callback()).post('/auth/wechat').send({ code: 'code-garbage' });
      expect({ body, status: response.status }).toEqual({ body, status: 503 });
      const error = errorBodySchema.parse(response.body).error;
      expect(error.code).toBe('SERVICE_UNAVAILABLE');
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await t.prisma.user.count({ where: { openid: 'oGARBAGE_0001' } })).toBe(0);
    // The same server answering properly logs in: the schema is not stricter than WeChat.
    reset();
    expect((await request(t.app.callback()).post('/auth/wechat').send({ code: 'code-good' })).status).toBe(200);
  });

  it('access token, phone number, msgSecCheck and subscribe send refuse answers of the wrong shape', async () => {
    const { tokens, miniProgram } = api();
    answers.set('/cgi-bin/stable_token', { status: 200, body: '{"access_token":5,"expires_in":"7200"}' });
    await expect(tokens.get()).rejects.toBeInstanceOf(WechatMalformedAnswerError);
    reset();
    expect(await tokens.get()).toBe('TOKEN-1');

    answers.set('/wxa/business/getuserphonenumber', { status: 200, body: '{"errcode":0,"phone_info":null}' });
    await expect(miniProgram.getPhoneNumber('phone-code')).rejects.toBeInstanceOf(WechatMalformedAnswerError);
    answers.set('/wxa/msg_sec_check', { status: 200, body: '{"errcode":0,"result":{"suggest":"maybe","label":"x"}}' });
    await expect(miniProgram.checkText({ content: '你好', openid: 'o', scene: 2 })).rejects.toBeInstanceOf(WechatMalformedAnswerError);
    answers.set('/cgi-bin/message/subscribe/send', { status: 200, body: '{"errcode":"0"}' });
    await expect(miniProgram.sendSubscribeMessage({ openid: 'o', templateId: 'T', data: {} })).rejects.toBeInstanceOf(WechatMalformedAnswerError);

    reset();
    await expect(miniProgram.getPhoneNumber('phone-code')).resolves.toEqual({ phoneNumber: '13800001111', purePhoneNumber: '13800001111', countryCode: '86' });
    await expect(miniProgram.checkText({ content: '你好', openid: 'o', scene: 2 })).resolves.toEqual({ suggest: 'pass', label: 100, traceId: 'trace-1' });
    await expect(miniProgram.sendSubscribeMessage({ openid: 'o', templateId: 'T', data: {} })).resolves.toBeUndefined();
  });

  it('a damaged cached token is treated as no token, not a crash', async () => {
    const { tokens } = api();
    await redis.set(`${keyPrefix}wechat:access-token:wxappid`, '{"token":', 'PX', 60_000);
    expect(await tokens.get()).toBe('TOKEN-1');
    await redis.set(`${keyPrefix}wechat:access-token:wxappid`, '{"token":7,"expiresAt":"soon"}', 'PX', 60_000);
    expect(await tokens.get()).toBe('TOKEN-1');
  });

  it('binding a phone with a malformed answer is a 503 and stores nothing', async () => {
    const login = await request(t.app.callback()).post('/auth/wechat').send({ code: 'code-phone' });
    expect(login.status).toBe(200);
    const auth = { Authorization: `Bearer ${login.body.token as string}` };
    const consent = await request(t.app.callback()).post('/me/consents').set(auth).send({ kind: 'PRIVACY_POLICY', version: t.config.PRIVACY_POLICY_VERSION });
    expect(consent.status).toBeLessThan(300);
    answers.set('/wxa/business/getuserphonenumber', { status: 200, body: '{"phone_info":{"phoneNumber":13800001111}}' });
    const bound = await request(t.app.callback()).post('/me/phone').set(auth).send({ code: 'phone-code' });
    expect(bound.status).toBe(503);
    expect(errorBodySchema.parse(bound.body).error.code).toBe('SERVICE_UNAVAILABLE');
    expect((await t.prisma.user.findUniqueOrThrow({ where: { openid: 'oGARBAGE_0001' }, select: { phoneHash: true } })).phoneHash).toBeNull();
  });
});
