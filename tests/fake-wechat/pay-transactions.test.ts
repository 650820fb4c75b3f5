import { createVerify, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { field, stringAt } from './support/json';
import { jsapiOrder, payClient, type PayAnswer } from './support/pay-client';

/** A merchant key WeChat does not know. */
const otherKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

let fake: FakeWechat;
let call: ReturnType<typeof payClient>;

beforeAll(async () => {
  fake = await startFakeWechat({ notifyRetryDelaysMs: [], refundSettleDelayMs: null });
  call = payClient(fake);
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

function verifiesWith(answer: PayAnswer, key: string): boolean {
  const message = `${answer.headers.get('Wechatpay-Timestamp')}\n${answer.headers.get('Wechatpay-Nonce')}\n${answer.text}\n`;
  return createVerify('RSA-SHA256').update(message).verify(key, answer.headers.get('Wechatpay-Signature') ?? '', 'base64');
}

async function createOrder(overrides: Record<string, unknown> = {}): Promise<{ order: Record<string, unknown>; answer: PayAnswer }> {
  const order = jsapiOrder(fake, overrides);
  return { order, answer: await call('POST', '/v3/pay/transactions/jsapi', order) };
}

const query = (outTradeNo: string) => call('GET', `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${fake.merchant.mchid}`);

describe('request signatures', () => {
  it.each([
    ['no Authorization header', { authorization: null }],
    ['another scheme', { authorization: 'Bearer abc' }],
    ['a signature by another key', { privateKeyPem: otherKeyPem }],
    ['a different body than the signed one', { sentBody: '{"tampered":true}' }],
    ['a foreign mchid', { mchid: '1230000109' }],
    ['a wrong certificate serial', { serialNo: '0'.repeat(40) }],
    ['a timestamp 10 minutes old', { timestamp: String(Math.floor(Date.now() / 1000) - 600) }],
  ])('answers 401 SIGN_ERROR for %s', async (_case, options) => {
    const answer = await call('POST', '/v3/pay/transactions/jsapi', jsapiOrder(fake), options);
    expect(answer.status).toBe(401);
    expect(field(answer.json, 'code')).toBe('SIGN_ERROR');
    expect(fake.state.orders.size).toBe(0);
  });

  it('says 签名错误 for a bad signature', async () => {
    const answer = await call('GET', `/v3/pay/transactions/out-trade-no/X123456?mchid=${fake.merchant.mchid}`, undefined, { privateKeyPem: otherKeyPem });
    expect(answer.json).toEqual({ code: 'SIGN_ERROR', message: '签名错误' });
  });

  it('accepts the serial in lower case, as wechatpay-node-v3 sends it', async () => {
    const { answer } = await createOrder();
    expect(answer.status).toBe(200);
    const lower = await call('POST', '/v3/pay/transactions/jsapi', jsapiOrder(fake), { serialNo: fake.merchant.certificateSerialNo.toLowerCase() });
    expect(lower.status).toBe(200);
  });
});

describe('response signatures', () => {
  it('signs every answer (errors too) with the platform key and announces the public-key id by default', async () => {
    const { answer } = await createOrder();
    const failed = await query('NOPE_123456');
    for (const signed of [answer, failed]) {
      expect(signed.headers.get('Wechatpay-Serial')).toBe(fake.platform.publicKeyId);
      expect(signed.headers.get('Request-ID')).toMatch(/^[0-9A-F]{48}$/);
      expect(verifiesWith(signed, fake.platform.publicKeyPem)).toBe(true);
      expect(verifiesWith(signed, new X509Certificate(fake.platform.certificatePem).publicKey.export({ type: 'spki', format: 'pem' }).toString())).toBe(true);
    }
    expect(verifiesWith({ ...answer, text: `${answer.text} ` }, fake.platform.publicKeyPem)).toBe(false);
  });

  it('can announce the platform certificate serial instead', async () => {
    await fetch(`${fake.url}/__control/pay/response-serial`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: 'certificate' }) });
    const { answer } = await createOrder();
    expect(answer.headers.get('Wechatpay-Serial')).toBe(fake.platform.certificateSerialNo);
    expect(new X509Certificate(fake.platform.certificatePem).serialNumber).toBe(fake.platform.certificateSerialNo);
  });

  it('publishes a platform public key id in the PUB_KEY_ID_ format', () => {
    expect(fake.platform.publicKeyId).toMatch(/^PUB_KEY_ID_\d{28}$/);
  });
});

describe('POST /v3/pay/transactions/jsapi', () => {
  it('returns a prepay_id, the same one for an identical repeat', async () => {
    const { order, answer } = await createOrder({ attach: 'booking:42', time_expire: '2099-01-01T00:00:00+08:00' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ prepay_id: expect.stringMatching(/^wx\d{14}[0-9a-f]{20}$/) });
    const repeat = await call('POST', '/v3/pay/transactions/jsapi', order);
    expect(repeat.json).toEqual(answer.json);
  });

  it('refuses the same out_trade_no with other parameters (订单号重复)', async () => {
    const { order } = await createOrder();
    const changed = await call('POST', '/v3/pay/transactions/jsapi', { ...order, amount: { total: 1, currency: 'CNY' } });
    expect(changed.status).toBe(400);
    expect(field(changed.json, 'code')).toBe('INVALID_REQUEST');
    expect(stringAt(changed.json, 'message')).toContain('订单号重复');
  });

  it('refuses paid (ORDERPAID) and closed (ORDER_CLOSED) orders', async () => {
    const { order } = await createOrder();
    fake.control.settleOrder(String(order.out_trade_no));
    const paid = await call('POST', '/v3/pay/transactions/jsapi', order);
    expect([paid.status, field(paid.json, 'code')]).toEqual([400, 'ORDERPAID']);
    const { order: other } = await createOrder();
    await call('POST', `/v3/pay/transactions/out-trade-no/${String(other.out_trade_no)}/close`, { mchid: fake.merchant.mchid });
    const closed = await call('POST', '/v3/pay/transactions/jsapi', other);
    expect([closed.status, field(closed.json, 'code')]).toEqual([400, 'ORDER_CLOSED']);
  });

  it.each([
    ['description over 127 characters', { description: '证'.repeat(128) }, 'PARAM_ERROR'],
    ['empty description', { description: '' }, 'PARAM_ERROR'],
    ['out_trade_no of 5 characters', { out_trade_no: 'A1234' }, 'PARAM_ERROR'],
    ['out_trade_no with a dot', { out_trade_no: 'GP.123456' }, 'PARAM_ERROR'],
    ['out_trade_no of 33 characters', { out_trade_no: 'A'.repeat(33) }, 'PARAM_ERROR'],
    ['amount 0', { amount: { total: 0, currency: 'CNY' } }, 'PARAM_ERROR'],
    ['fractional amount', { amount: { total: 1.5, currency: 'CNY' } }, 'PARAM_ERROR'],
    ['USD', { amount: { total: 100, currency: 'USD' } }, 'PARAM_ERROR'],
    ['no payer', { payer: undefined }, 'PARAM_ERROR'],
    ['notify_url with a query', { notify_url: 'https://bff.example.com/notify?x=1' }, 'PARAM_ERROR'],
    ['time_expire not RFC 3339', { time_expire: '2026-11-22 15:00' }, 'PARAM_ERROR'],
    ['a foreign appid', { appid: 'wx0000000000000000' }, 'APPID_MCHID_NOT_MATCH'],
    ['a foreign mchid in the body', { mchid: '1230000109' }, 'MCH_NOT_EXISTS'],
  ])('answers 400 for %s', async (_case, overrides, code) => {
    const { answer } = await createOrder(overrides);
    expect(answer.status).toBe(400);
    expect(field(answer.json, 'code')).toBe(code);
  });

  it('accepts the full out_trade_no alphabet', async () => {
    expect((await createOrder({ out_trade_no: 'Ab0_-|*xyz' })).answer.status).toBe(200);
  });
});

describe('GET /v3/pay/transactions/…', () => {
  it('shows an unpaid order as NOTPAY without transaction_id', async () => {
    const { order } = await createOrder();
    const answer = await query(String(order.out_trade_no));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ appid: fake.appid, mchid: fake.merchant.mchid, out_trade_no: order.out_trade_no, trade_type: 'JSAPI', trade_state: 'NOTPAY', trade_state_desc: '订单未支付', payer: { openid: 'oDEMO_resident_zhangxm' }, amount: { total: 12000, currency: 'CNY' } });
    expect(answer.json).not.toHaveProperty('transaction_id');
  });

  it('shows a settled order as SUCCESS, also by transaction_id', async () => {
    const { order } = await createOrder({ attach: 'fee:7' });
    const settled = fake.control.settleOrder(String(order.out_trade_no));
    const answer = await query(String(order.out_trade_no));
    expect(answer.json).toMatchObject({
      transaction_id: settled.transactionId,
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      attach: 'fee:7',
      success_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
      amount: { total: 12000, payer_total: 12000, currency: 'CNY', payer_currency: 'CNY' },
    });
    expect(settled.transactionId).toMatch(/^4200\d{24}$/);
    const byId = await call('GET', `/v3/pay/transactions/id/${settled.transactionId ?? ''}?mchid=${fake.merchant.mchid}`);
    expect(byId.json).toEqual(answer.json);
  });

  it('records a failed payment as PAYERROR', async () => {
    const { order } = await createOrder();
    fake.control.settleOrder(String(order.out_trade_no), 'PAYERROR');
    expect(field((await query(String(order.out_trade_no))).json, 'trade_state')).toBe('PAYERROR');
  });

  it('answers 404 ORDER_NOT_EXIST for unknown orders and 400 without mchid', async () => {
    const unknown = await query('UNKNOWN_0001');
    expect([unknown.status, field(unknown.json, 'code')]).toEqual([404, 'ORDER_NOT_EXIST']);
    const byId = await call('GET', `/v3/pay/transactions/id/4200000000000000000000000000?mchid=${fake.merchant.mchid}`);
    expect(byId.status).toBe(404);
    const noMchid = await call('GET', '/v3/pay/transactions/out-trade-no/UNKNOWN_0001');
    expect([noMchid.status, field(noMchid.json, 'code')]).toEqual([400, 'PARAM_ERROR']);
  });
});

describe('POST /v3/pay/transactions/out-trade-no/{no}/close', () => {
  it('closes with 204 (twice is fine) and the order shows CLOSED', async () => {
    const { order } = await createOrder();
    const path = `/v3/pay/transactions/out-trade-no/${String(order.out_trade_no)}/close`;
    const closed = await call('POST', path, { mchid: fake.merchant.mchid });
    expect(closed.status).toBe(204);
    expect(closed.text).toBe('');
    expect(verifiesWith(closed, fake.platform.publicKeyPem)).toBe(true);
    expect((await call('POST', path, { mchid: fake.merchant.mchid })).status).toBe(204);
    expect(field((await query(String(order.out_trade_no))).json, 'trade_state')).toBe('CLOSED');
  });

  it('refuses to close a paid order (ORDERPAID) and unknown ones (404)', async () => {
    const { order } = await createOrder();
    fake.control.settleOrder(String(order.out_trade_no));
    const paid = await call('POST', `/v3/pay/transactions/out-trade-no/${String(order.out_trade_no)}/close`, { mchid: fake.merchant.mchid });
    expect([paid.status, field(paid.json, 'code')]).toEqual([400, 'ORDERPAID']);
    const unknown = await call('POST', '/v3/pay/transactions/out-trade-no/UNKNOWN_0001/close', { mchid: fake.merchant.mchid });
    expect(unknown.status).toBe(404);
  });
});

describe('outage', () => {
  it('answers 500 SYSTEM_ERROR in errcode-1 mode', async () => {
    fake.control.setOutage('errcode-1', 'pay');
    const { answer } = await createOrder();
    expect([answer.status, field(answer.json, 'code')]).toEqual([500, 'SYSTEM_ERROR']);
  });
});
