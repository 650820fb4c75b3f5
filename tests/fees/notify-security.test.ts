import { createCipheriv, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { eventually } from '../support/eventually';
import { api, merchantEnv, orderStatus, payingOrder, startFeesEnv, type FeesEnv } from './fees-env';

/**
 * The notification endpoint trusts nothing it cannot verify. Here the test plays WeChat Pay: the
 * BFF trusts the fake's platform certificate and public key and a second 微信支付公钥 whose private
 * half the test holds, so it can sign exactly the notifications it wants to try, good and bad.
 */
const wechatKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyId = 'PUB_KEY_ID_0116190000010920261123000001';
const transactionPath = '/payments/wechatpay/notify/transaction';
let env: FeesEnv;

beforeAll(async () => {
  env = await startFeesEnv('2026-11-25 08:00', {
    // Two 微信支付公钥 at once (as during a rotation): the fake's, which signs its answers, and the test's.
    env: (fake, notifyBase) => merchantEnv(fake, notifyBase, {
      WECHATPAY_PUBLIC_KEY_ID: `${fake.platform.publicKeyId},${publicKeyId}`,
      WECHATPAY_PUBLIC_KEY: `${fake.platform.publicKeyPem}\n${wechatKey.publicKey.export({ type: 'spki', format: 'pem' }).toString()}`,
    }),
  });
}, 60000);
afterAll(async () => {
  await env.close();
});

type Crafted = { body: string; headers: Record<string, string> };
type CraftOptions = { serial?: string; signWith?: typeof wechatKey.privateKey; timestamp?: number; flipTag?: boolean; resource?: Record<string, unknown> };

function encrypt(plaintext: string, nonce: string, associatedData: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(env.fake.merchant.apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return encrypted.toString('base64');
}

function transactionResource(order: { orderNo: string; amountFen: number }, openid: string): Record<string, unknown> {
  return {
    appid: env.fake.appid, mchid: env.fake.merchant.mchid, out_trade_no: order.orderNo, transaction_id: `42000${randomBytes(8).toString('hex').replace(/\D/g, '7').slice(0, 23)}`,
    trade_type: 'JSAPI', trade_state: 'SUCCESS', trade_state_desc: '支付成功', bank_type: 'OTHERS', success_time: '2026-11-25T08:05:00+08:00',
    payer: { openid }, amount: { total: order.amountFen, payer_total: order.amountFen, currency: 'CNY', payer_currency: 'CNY' },
  };
}

function craft(resource: Record<string, unknown>, options: CraftOptions = {}): Crafted {
  const nonce = randomBytes(6).toString('hex');
  let ciphertext = encrypt(JSON.stringify(resource), nonce, 'transaction');
  if (options.flipTag) {
    const raw = Buffer.from(ciphertext, 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 0x01;
    ciphertext = raw.toString('base64');
  }
  const body = JSON.stringify({
    id: randomBytes(16).toString('hex'), create_time: '2026-11-25T08:05:01+08:00', resource_type: 'encrypt-resource', event_type: 'TRANSACTION.SUCCESS', summary: '支付成功',
    resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: 'transaction', nonce },
  });
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headerNonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256').update(`${timestamp}\n${headerNonce}\n${body}\n`).sign(options.signWith ?? wechatKey.privateKey, 'base64');
  return { body, headers: { 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': headerNonce, 'Wechatpay-Signature': signature, 'Wechatpay-Serial': options.serial ?? publicKeyId } };
}

const deliver = (crafted: Crafted) => api(env).post(transactionPath).set({ 'Content-Type': 'application/json', ...crafted.headers }).send(crafted.body);

async function expectUnchanged(orderId: string): Promise<void> {
  expect(await orderStatus(env, orderId)).toBe('PAYING');
  expect(await env.prisma.payment.count({ where: { feeOrderId: orderId } })).toBe(0);
  expect(await env.prisma.feeOrderEvent.count({ where: { feeOrderId: orderId, toStatus: 'PAID' } })).toBe(0);
}

describe('WeChat Pay notifications', () => {
  it('accepts a correctly signed and encrypted notification under the 微信支付公钥 id', async () => {
    const { order, resident } = await payingOrder(env);
    const answer = await deliver(craft(transactionResource(order, resident.openid)));
    expect(answer.status).toBe(204);
    expect(await orderStatus(env, order.id)).toBe('PAID');
  });

  it('still accepts the fake’s own notifications under its platform certificate serial', async () => {
    const { order } = await payingOrder(env);
    env.fake.control.setResponseSerial('certificate');
    try {
      env.fake.control.settleOrder(order.orderNo);
      expect(await eventually(() => orderStatus(env, order.id), (status) => status === 'PAID', 5000)).toBe('PAID');
    } finally {
      env.fake.control.setResponseSerial('public-key-id');
    }
  });

  it.each<[string, (order: { orderNo: string; amountFen: number }, openid: string) => Crafted, number, string]>([
    ['a forged signature', (order, openid) => craft(transactionResource(order, openid), { signWith: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }), 401, '签名验证失败'],
    ['an unknown serial', (order, openid) => craft(transactionResource(order, openid), { serial: 'PUB_KEY_ID_0116000000000000000000000000' }), 401, '未知的证书序列号'],
    ['the platform certificate’s serial on a body signed with another key', (order, openid) => craft(transactionResource(order, openid), { serial: env.fake.platform.certificateSerialNo }), 401, '签名验证失败'],
    ['a flipped GCM tag', (order, openid) => craft(transactionResource(order, openid), { flipTag: true }), 400, '解密失败'],
    ['a timestamp 6 minutes old', (order, openid) => craft(transactionResource(order, openid), { timestamp: Math.floor(Date.now() / 1000) - 360 }), 401, '时间戳已过期'],
    ['a timestamp 6 minutes ahead', (order, openid) => craft(transactionResource(order, openid), { timestamp: Math.floor(Date.now() / 1000) + 360 }), 401, '时间戳已过期'],
    ['a different amount', (order, openid) => craft(transactionResource({ ...order, amountFen: order.amountFen - 1 }, openid)), 400, '订单金额不一致'],
    ['an unknown out_trade_no', (order, openid) => craft(transactionResource({ ...order, orderNo: 'GP20261125FFFFFFFFFFFFFF' }, openid)), 400, '订单不存在'],
    ['another appid', (order, openid) => craft({ ...transactionResource(order, openid), appid: 'wx0000000000000000' }), 400, 'appid 不匹配'],
    ['another mchid', (order, openid) => craft({ ...transactionResource(order, openid), mchid: '1230000109' }), 400, 'mchid 不匹配'],
  ])('rejects %s and leaves the order unchanged', async (_name, make, status, message) => {
    const { order, resident } = await payingOrder(env);
    const answer = await deliver(make(order, resident.openid));
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ code: 'FAIL', message });
    await expectUnchanged(order.id);
  });

  it('rejects a replayed nonce, missing headers and a body that is not what was signed', async () => {
    const { order, resident } = await payingOrder(env);
    const good = craft(transactionResource(order, resident.openid));
    const tampered = { ...good, body: good.body.replace('"支付成功"', '"支付成功 "') };
    expect((await deliver(tampered)).status).toBe(401);
    expect((await api(env).post(transactionPath).set('Content-Type', 'application/json').send(good.body)).body).toEqual({ code: 'FAIL', message: '缺少签名头' });
    await expectUnchanged(order.id);

    expect((await deliver(good)).status).toBe(204);
    const replay = await deliver(good);
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({ code: 'FAIL', message: '重复的通知请求' });
    expect(await env.prisma.payment.count({ where: { feeOrderId: order.id } })).toBe(1);
  });

  it('acknowledges a repeated notification (new signature, same id) without changing anything', async () => {
    const { order, resident } = await payingOrder(env);
    const resource = transactionResource(order, resident.openid);
    const first = craft(resource);
    expect((await deliver(first)).status).toBe(204);
    const sameId = JSON.parse(first.body) as Record<string, unknown>;
    const again = craft(resource);
    const resent = { ...again, body: JSON.stringify({ ...(JSON.parse(again.body) as Record<string, unknown>), id: sameId.id }) };
    const signature = createSign('RSA-SHA256').update(`${resent.headers['Wechatpay-Timestamp']}\n${resent.headers['Wechatpay-Nonce']}\n${resent.body}\n`).sign(wechatKey.privateKey, 'base64');
    expect((await deliver({ ...resent, headers: { ...resent.headers, 'Wechatpay-Signature': signature } })).status).toBe(204);
    expect(await env.prisma.feeOrderEvent.count({ where: { feeOrderId: order.id, toStatus: 'PAID' } })).toBe(1);
    expect(await env.prisma.notification.count({ where: { userId: resident.userId, eventType: 'PAYMENT_SUCCEEDED' } })).toBe(1);
  });
});
