import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { field, numberAt, stringAt } from './support/json';
import { jsapiOrder, payClient } from './support/pay-client';

let fake: FakeWechat;

beforeAll(async () => {
  fake = await startFakeWechat({ notifyRetryDelaysMs: [], refundSettleDelayMs: null });
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

const control = async (method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const contentType: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' };
  const response = await fetch(`${fake.url}/__control${path}`, { method, headers: { ...contentType, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json: unknown = text === '' ? undefined : JSON.parse(text);
  return { status: response.status, headers: response.headers, json };
};

describe('/__control', () => {
  it('answers CORS for the demo’s (loopback) origin, preflight included, but only under /__control', async () => {
    const preflight = await fetch(`${fake.url}/__control/login-code`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:10086', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:10086');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    const minted = await control('POST', '/login-code', { openid: 'o_browser' }, { Origin: 'http://localhost:5173' });
    expect(minted.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    expect(field(minted.json, 'openid')).toBe('o_browser');
    const protocol = await fetch(`${fake.url}/cgi-bin/token`, { headers: { Origin: 'http://localhost:5173' } });
    expect(protocol.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('refuses other origins with 403, preflight included, and mints nothing for them', async () => {
    const preflight = await fetch(`${fake.url}/__control/login-code`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    for (const origin of ['https://evil.example', 'http://127.0.0.1.evil.example:10086', 'null']) {
      const minted = await control('POST', '/login-code', { openid: 'o_victim' }, { Origin: origin });
      expect(minted.status).toBe(403);
      expect(minted.json).toEqual({ error: { code: 'FORBIDDEN_ORIGIN', message: expect.any(String) } });
      expect(minted.headers.get('Access-Control-Allow-Origin')).toBeNull();
    }
    expect((await control('GET', '/keys', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
    expect(fake.state.loginCodes.size).toBe(0);
  });

  it('accepts JSON bodies only: text/plain and form posts (no preflight) get 415', async () => {
    const asText = await fetch(`${fake.url}/__control/login-code`, { method: 'POST', headers: { Origin: 'http://127.0.0.1:10086' }, body: JSON.stringify({ openid: 'o_text' }) });
    expect(asText.status).toBe(415);
    expect(await asText.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) } });
    const asForm = await fetch(`${fake.url}/__control/login-code`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'openid=o_form' });
    expect(asForm.status).toBe(415);
    expect(fake.state.loginCodes.size).toBe(0);
    expect((await control('POST', '/reset')).status).toBe(200); // no body at all is fine
  });

  it('answers only the origins it is given when started with controlOrigins', async () => {
    const strict = await startFakeWechat({ controlOrigins: ['http://127.0.0.1:10086'] });
    try {
      const call = (origin: string) => fetch(`${strict.url}/__control/keys`, { headers: { Origin: origin } });
      expect((await call('http://127.0.0.1:10086')).status).toBe(200);
      expect((await call('http://localhost:10086')).status).toBe(403);
      expect((await call('http://127.0.0.1:5173')).status).toBe(403);
    } finally {
      await strict.close();
    }
  });

  it('publishes the key material the BFF needs, consistent with itself', async () => {
    const { json } = await control('GET', '/keys');
    expect(json).toMatchObject({ appid: fake.appid, secret: fake.secret, mchid: fake.merchant.mchid, apiV3Key: fake.merchant.apiV3Key, messagePushToken: expect.any(String) });
    const merchantCertificate = new X509Certificate(stringAt(json, 'merchant', 'certificatePem'));
    expect(merchantCertificate.serialNumber).toBe(stringAt(json, 'merchant', 'certificateSerialNo'));
    expect(merchantCertificate.checkPrivateKey(createPrivateKey(stringAt(json, 'merchant', 'privateKeyPem')))).toBe(true);
    const platformCertificate = new X509Certificate(stringAt(json, 'platform', 'certificatePem'));
    expect(platformCertificate.serialNumber).toBe(stringAt(json, 'platform', 'certificateSerialNo'));
    expect(platformCertificate.publicKey.equals(createPublicKey(stringAt(json, 'platform', 'publicKeyPem')))).toBe(true);
    expect(stringAt(json, 'platform', 'publicKeyId')).toMatch(/^PUB_KEY_ID_/);
    expect(JSON.stringify(json)).not.toContain('platformPrivateKey');
  });

  it('settles orders and lists orders and refunds for reconciliation', async () => {
    const call = payClient(fake);
    const order = jsapiOrder(fake);
    await call('POST', '/v3/pay/transactions/jsapi', order);
    const settled = await control('POST', '/pay/settle', { out_trade_no: order.out_trade_no });
    expect(settled.status).toBe(200);
    expect(settled.json).toMatchObject({ outTradeNo: order.out_trade_no, tradeState: 'SUCCESS', transactionId: expect.stringMatching(/^4200/) });
    expect((await control('POST', '/pay/settle', { out_trade_no: order.out_trade_no })).status).toBe(409);
    expect((await control('POST', '/pay/settle', { out_trade_no: 'NOPE_0000001' })).status).toBe(404);
    await call('POST', '/v3/refund/domestic/refunds', { out_trade_no: order.out_trade_no, out_refund_no: 'RF-CTL', amount: { refund: 1, total: 12000, currency: 'CNY' } });
    expect(field((await control('GET', '/pay/orders')).json, 'orders')).toEqual([expect.objectContaining({ outTradeNo: order.out_trade_no, tradeState: 'REFUND' })]);
    expect(field((await control('GET', '/pay/refunds')).json, 'refunds')).toEqual([expect.objectContaining({ outRefundNo: 'RF-CTL', status: 'PROCESSING' })]);
  });

  it('moves the clock and resets everything', async () => {
    const before = fake.clock.now();
    const moved = await control('POST', '/clock', { advanceSeconds: 3600 });
    expect(numberAt(moved.json, 'now') - before).toBeGreaterThanOrEqual(3600_000);
    fake.control.mintLoginCode('o_gone');
    expect((await control('POST', '/reset')).status).toBe(200);
    expect(fake.state.loginCodes.size).toBe(0);
    expect(fake.state.users.has('o_gone')).toBe(false);
    expect(fake.state.users.has('oDEMO_resident_zhangxm')).toBe(true);
    expect(fake.clock.now() - Date.now()).toBeLessThan(1000);
  });

  it('validates its own input with 400 and names unknown personas with 404', async () => {
    expect((await control('POST', '/login-code', {})).status).toBe(400);
    expect((await control('POST', '/login-code', { personaKey: 'nobody' })).status).toBe(404);
    expect((await control('POST', '/outage', { mode: 'meltdown' })).json).toEqual({ error: { code: 'INVALID_FIELD', message: expect.stringContaining('mode') } });
    expect((await fetch(`${fake.url}/__control/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' })).status).toBe(400);
  });

  it('marks users high-risk', async () => {
    await control('POST', '/user', { openid: 'o_flagged', isHighRisk: true });
    expect(fake.state.users.get('o_flagged')?.isHighRisk).toBe(true);
  });
});
