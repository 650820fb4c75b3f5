import { createVerify, generateKeyPairSync } from 'node:crypto';
import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import WxPay from 'wechatpay-node-v3';
import { field, stringAt } from './support/json';

/**
 * Interoperability with the client library the BFF uses: wechatpay-node-v3 2.2.1 signs its own
 * requests; a transport injected with createHttp() sends them to the fake instead of
 * api.mch.weixin.qq.com (the signature covers only path and query, so the host swap is invisible).
 */
type Transport = Parameters<WxPay['createHttp']>[0];
type Captured = { authorization: string; status: number; text: string; headers: Headers };

const productionBase = 'https://api.mch.weixin.qq.com';

function loopbackTransport(fake: FakeWechat, captured: Captured[]): Transport {
  const send = async (method: 'GET' | 'POST', url: string, headers: Record<string, unknown>, body?: string) => {
    if (!url.startsWith(productionBase)) throw new Error(`unexpected host in ${url}`);
    const plainHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
    const response = await fetch(`${fake.url}${url.slice(productionBase.length)}`, { method, headers: plainHeaders, body });
    const text = await response.text();
    captured.push({ authorization: plainHeaders.Authorization ?? '', status: response.status, text, headers: response.headers });
    // Same contract as the library's superagent transport: data on 2xx, error text otherwise.
    if (!response.ok) return { status: response.status, error: text };
    const data: unknown = text === '' ? undefined : JSON.parse(text);
    return { status: response.status, data };
  };
  return {
    // The library signed JSON.stringify(params): send exactly those bytes.
    post: (url, params, headers) => send('POST', url, headers, JSON.stringify(params)),
    get: (url, headers) => send('GET', url, headers),
    upload: () => Promise.reject(new Error('upload is not used')),
  };
}

let fake: FakeWechat;
let pay: WxPay;
let captured: Captured[];

function newPay(privateKeyPem = fake.merchant.privateKeyPem): WxPay {
  const client = new WxPay({
    appid: fake.appid,
    mchid: fake.merchant.mchid,
    publicKey: Buffer.from(fake.merchant.certificatePem),
    privateKey: Buffer.from(privateKeyPem),
    key: fake.merchant.apiV3Key,
  });
  client.createHttp(loopbackTransport(fake, captured));
  return client;
}

beforeAll(async () => {
  fake = await startFakeWechat({ notifyRetryDelaysMs: [], refundSettleDelayMs: null });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.control.reset();
  captured = [];
  pay = newPay();
});

const order = (outTradeNo: string) => ({
  description: '清江市民中心-护照办理工本费',
  out_trade_no: outTradeNo,
  notify_url: 'http://127.0.0.1:1/pay/notify',
  amount: { total: 12000, currency: 'CNY' },
  payer: { openid: 'oDEMO_resident_zhangxm' },
});

describe('wechatpay-node-v3 2.2.1 against the fake', () => {
  it('reads the serial of the generated merchant certificate (lower-case hex)', async () => {
    const result = await pay.transactions_jsapi(order('LIB_SERIAL_01'));
    expect(result.status).toBe(200);
    expect(captured[0]?.authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="\d+",nonce_str="\w+",timestamp="\d+",serial_no="[0-9a-f]{40}",signature="[^"]+"$/);
    expect(captured[0]?.authorization).toContain(`serial_no="${fake.merchant.certificateSerialNo.toLowerCase()}"`);
  });

  it('transactions_jsapi passes the signature check and returns requestPayment parameters', async () => {
    const result = await pay.transactions_jsapi(order('LIB_JSAPI_001'));
    expect(result.status).toBe(200);
    const data: unknown = result.data;
    expect(data).toEqual({ appId: fake.appid, timeStamp: expect.stringMatching(/^\d{10}$/), nonceStr: expect.any(String), package: expect.stringMatching(/^prepay_id=wx/), signType: 'RSA', paySign: expect.any(String) });
    // paySign = SHA256withRSA over appId\ntimeStamp\nnonceStr\npackage\n with the merchant key.
    const message = ['appId', 'timeStamp', 'nonceStr', 'package'].map((key) => stringAt(data, key)).join('\n') + '\n';
    expect(createVerify('RSA-SHA256').update(message).verify(fake.merchant.certificatePem, stringAt(data, 'paySign'), 'base64')).toBe(true);
    expect(stringAt(data, 'package')).toBe(`prepay_id=${fake.state.orders.get('LIB_JSAPI_001')?.prepayId}`);
  });

  it('query finds the order by out_trade_no and, once paid, by transaction_id', async () => {
    await pay.transactions_jsapi(order('LIB_QUERY_001'));
    const unpaid = await pay.query({ out_trade_no: 'LIB_QUERY_001' });
    expect([unpaid.status, field(unpaid.data, 'trade_state')]).toEqual([200, 'NOTPAY']);
    const settled = fake.control.settleOrder('LIB_QUERY_001');
    const paid = await pay.query({ transaction_id: settled.transactionId ?? '' });
    expect(paid.status).toBe(200);
    expect(paid.data).toMatchObject({ out_trade_no: 'LIB_QUERY_001', trade_state: 'SUCCESS', transaction_id: settled.transactionId });
  });

  it('close answers 204', async () => {
    await pay.transactions_jsapi(order('LIB_CLOSE_001'));
    const closed = await pay.close('LIB_CLOSE_001');
    expect(closed.status).toBe(204);
    expect(fake.state.orders.get('LIB_CLOSE_001')?.tradeState).toBe('CLOSED');
  });

  it('refunds and find_refunds pass the signature check', async () => {
    await pay.transactions_jsapi(order('LIB_REFUND_01'));
    fake.control.settleOrder('LIB_REFUND_01');
    const created = await pay.refunds({ out_trade_no: 'LIB_REFUND_01', out_refund_no: 'LIB-RF-1', reason: '大厅取消', amount: { refund: 12000, total: 12000, currency: 'CNY' } });
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({ out_refund_no: 'LIB-RF-1', status: 'PROCESSING' });
    fake.control.settleRefund('LIB-RF-1');
    const found = await pay.find_refunds('LIB-RF-1');
    expect(found.status).toBe(200);
    expect(found.data).toMatchObject({ status: 'SUCCESS' });
  });

  it('reports the fake’s 401 SIGN_ERROR when signed with another key', async () => {
    const stranger = newPay(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const result = await stranger.query({ out_trade_no: 'LIB_ANY_0001' });
    expect(result.status).toBe(401);
    expect(JSON.parse(String(result.error))).toEqual({ code: 'SIGN_ERROR', message: '签名错误' });
  });

  it('downloads the platform certificate (GET /v3/certificates) and verifies response signatures with it', async () => {
    const certificates = await pay.get_certificates(fake.merchant.apiV3Key);
    expect(certificates).toEqual([expect.objectContaining({ serial_no: fake.platform.certificateSerialNo, publicKey: fake.platform.publicKeyPem })]);

    // verifySign only knows certificate serials: announce the certificate, as older merchants see it.
    fake.control.setResponseSerial('certificate');
    await pay.transactions_jsapi(order('LIB_VERIFY_01'));
    const response = captured.at(-1);
    if (!response) throw new Error('no response captured');
    const verify = (body: string) =>
      pay.verifySign({
        timestamp: response.headers.get('Wechatpay-Timestamp') ?? '',
        nonce: response.headers.get('Wechatpay-Nonce') ?? '',
        serial: response.headers.get('Wechatpay-Serial') ?? '',
        signature: response.headers.get('Wechatpay-Signature') ?? '',
        body,
      });
    expect(await verify(response.text)).toBe(true);
    expect(await verify(response.text.replace('wx', 'xx'))).toBe(false);
  });
});
