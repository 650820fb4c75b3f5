import { createDecipheriv, createVerify, X509Certificate } from 'node:crypto';
import { decryptAeadAes256Gcm, startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { field, stringAt } from './support/json';
import { jsapiOrder, payClient } from './support/pay-client';
import { startNotifyReceiver, type ReceivedPush } from './support/notify-receiver';

let fake: FakeWechat;
let call: ReturnType<typeof payClient>;

beforeAll(async () => {
  fake = await startFakeWechat({ notifyRetryDelaysMs: [30, 30, 30], refundSettleDelayMs: null });
  call = payClient(fake);
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

function header(push: ReceivedPush, name: string): string {
  const value = push.headers[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function signatureVerifies(push: ReceivedPush, publicKey: string): boolean {
  const message = `${header(push, 'Wechatpay-Timestamp')}\n${header(push, 'Wechatpay-Nonce')}\n${push.body}\n`;
  return createVerify('RSA-SHA256').update(message).verify(publicKey, header(push, 'Wechatpay-Signature'), 'base64');
}

async function payOrderNotifyingTo(url: string): Promise<string> {
  const order = jsapiOrder(fake, { notify_url: url, attach: 'booking:9' });
  await call('POST', '/v3/pay/transactions/jsapi', order);
  fake.control.settleOrder(String(order.out_trade_no));
  return String(order.out_trade_no);
}

describe('TRANSACTION.SUCCESS notifications', () => {
  it('retries until the merchant acknowledges, recording every attempt', async () => {
    const receiver = await startNotifyReceiver({ respond: (attempt) => (attempt <= 2 ? 500 : 200) });
    try {
      const outTradeNo = await payOrderNotifyingTo(receiver.url);
      await fake.control.idle();
      expect(receiver.received).toHaveLength(3);
      expect(new Set(receiver.received.map((push) => push.body)).size).toBe(1);
      const [delivery] = fake.control.deliveries();
      expect(delivery).toMatchObject({ kind: 'pay-notification', subject: outTradeNo, eventType: 'TRANSACTION.SUCCESS', status: 'acknowledged' });
      expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
    } finally {
      await receiver.close();
    }
  });

  it('gives up when the retry schedule is exhausted', async () => {
    const receiver = await startNotifyReceiver({ respond: () => 503 });
    try {
      await payOrderNotifyingTo(receiver.url);
      await fake.control.idle();
      expect(receiver.received).toHaveLength(4);
      expect(fake.state.deliveries[0]?.status).toBe('failed');
      const listed = await fetch(`${fake.url}/__control/notifications`).then((response) => response.json());
      expect(field(listed, 'deliveries')).toEqual([expect.objectContaining({ status: 'failed', attempts: expect.arrayContaining([expect.objectContaining({ status: 503 })]) })]);
    } finally {
      await receiver.close();
    }
  });

  it('records unreachable endpoints as attempts with an error', async () => {
    await payOrderNotifyingTo('http://127.0.0.1:1/notify');
    await fake.control.idle();
    expect(fake.state.deliveries[0]?.attempts).toHaveLength(4);
    expect(fake.state.deliveries[0]?.attempts[0]?.error).toEqual(expect.any(String));
  });

  it('is signed by the platform key, verifiable with the public key and with the certificate', async () => {
    const receiver = await startNotifyReceiver();
    try {
      await payOrderNotifyingTo(receiver.url);
      await fake.control.idle();
      const [push] = receiver.received;
      if (!push) throw new Error('no notification');
      expect(header(push, 'Wechatpay-Signature-Type')).toBe('WECHATPAY2-SHA256-RSA2048');
      expect(header(push, 'Wechatpay-Serial')).toBe(fake.platform.publicKeyId);
      expect(Math.abs(Number(header(push, 'Wechatpay-Timestamp')) - Date.now() / 1000)).toBeLessThan(60);
      expect(signatureVerifies(push, fake.platform.publicKeyPem)).toBe(true);
      const certificateKey = new X509Certificate(fake.platform.certificatePem).publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(signatureVerifies(push, certificateKey)).toBe(true);
      expect(signatureVerifies({ ...push, body: push.body.replace('支付成功', '支付失败') }, fake.platform.publicKeyPem)).toBe(false);
    } finally {
      await receiver.close();
    }
  });

  it('carries the transaction, AES-256-GCM encrypted with the APIv3 key; a flipped tag fails decipher.final()', async () => {
    const receiver = await startNotifyReceiver();
    try {
      const outTradeNo = await payOrderNotifyingTo(receiver.url);
      await fake.control.idle();
      const body: unknown = JSON.parse(receiver.received[0]?.body ?? '{}');
      expect(body).toEqual({
        id: expect.any(String),
        create_time: expect.stringMatching(/\+08:00$/),
        resource_type: 'encrypt-resource',
        event_type: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext: expect.any(String), associated_data: 'transaction', nonce: expect.stringMatching(/^[0-9A-Za-z]{12}$/) },
      });
      const ciphertext = stringAt(body, 'resource', 'ciphertext');
      const nonce = stringAt(body, 'resource', 'nonce');
      const apiV3Key = fake.merchant.apiV3Key;
      expect(Buffer.byteLength(apiV3Key)).toBe(32);

      // Decrypt independently of the fake's helper: key = APIv3 key, IV = nonce, tag = last 16 bytes.
      const raw = Buffer.from(ciphertext, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      decipher.setAAD(Buffer.from('transaction'));
      const plaintext: unknown = JSON.parse(Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString('utf8'));
      expect(plaintext).toMatchObject({
        mchid: fake.merchant.mchid,
        appid: fake.appid,
        out_trade_no: outTradeNo,
        transaction_id: fake.state.orders.get(outTradeNo)?.transactionId,
        trade_type: 'JSAPI',
        trade_state: 'SUCCESS',
        attach: 'booking:9',
        payer: { openid: 'oDEMO_resident_zhangxm' },
        amount: { total: 12000, payer_total: 12000, currency: 'CNY', payer_currency: 'CNY' },
      });

      const flipped = Buffer.from(raw);
      flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 0x01;
      const tampered = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce));
      tampered.setAuthTag(flipped.subarray(flipped.length - 16));
      tampered.setAAD(Buffer.from('transaction'));
      tampered.update(flipped.subarray(0, flipped.length - 16));
      expect(() => tampered.final()).toThrow(/unable to authenticate/i);
      expect(() => decryptAeadAes256Gcm({ apiV3Key, nonce, associatedData: 'transaction', ciphertext: flipped.toString('base64') })).toThrow();
      expect(() => decryptAeadAes256Gcm({ apiV3Key, nonce, associatedData: 'refund', ciphertext })).toThrow();
    } finally {
      await receiver.close();
    }
  });
});

describe('REFUND.SUCCESS notifications', () => {
  it('are sent once a refund with notify_url settles', async () => {
    const receiver = await startNotifyReceiver();
    try {
      const outTradeNo = await payOrderNotifyingTo('http://127.0.0.1:1/no-one-listens');
      await call('POST', '/v3/refund/domestic/refunds', { out_trade_no: outTradeNo, out_refund_no: 'RF-N1', notify_url: receiver.url, amount: { refund: 2000, total: 12000, currency: 'CNY' } });
      await call('POST', '/v3/refund/domestic/refunds', { out_trade_no: outTradeNo, out_refund_no: 'RF-N2', amount: { refund: 1000, total: 12000, currency: 'CNY' } });
      fake.control.settleRefund('RF-N1');
      fake.control.settleRefund('RF-N2');
      await fake.control.idle();
      expect(receiver.received).toHaveLength(1);
      const push = receiver.received[0];
      if (!push) throw new Error('no refund notification');
      expect(signatureVerifies(push, fake.platform.publicKeyPem)).toBe(true);
      const body: unknown = JSON.parse(push.body);
      expect(body).toMatchObject({ event_type: 'REFUND.SUCCESS', summary: '退款成功', resource: { original_type: 'refund', associated_data: 'refund' } });
      const plaintext: unknown = JSON.parse(
        decryptAeadAes256Gcm({ apiV3Key: fake.merchant.apiV3Key, nonce: stringAt(body, 'resource', 'nonce'), associatedData: 'refund', ciphertext: stringAt(body, 'resource', 'ciphertext') }),
      );
      expect(plaintext).toMatchObject({ mchid: fake.merchant.mchid, out_trade_no: outTradeNo, out_refund_no: 'RF-N1', refund_status: 'SUCCESS', amount: { total: 12000, refund: 2000, payer_refund: 2000 } });
    } finally {
      await receiver.close();
    }
  });
});
