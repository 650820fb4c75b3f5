import { createCipheriv, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCertificate } from '@govpocket/fake-wechat';
import { settleUnnotifiedPayments, warnExpiringCertificates, type PaymentDeps } from '../../bff/src/modules/payment';
import { readPayMerchant } from '../../bff/src/modules/payment/merchant';
import { createNotificationVerifier } from '../../bff/src/modules/payment/notification-verifier';
import { createPayGateway, PayGatewayError, type Transaction } from '../../bff/src/modules/payment/pay-gateway';
import { settleTransaction } from '../../bff/src/modules/payment/settle-payment';
import { merchantEnv, orderStatus, payingOrder, startFeesEnv, type FeesEnv } from './fees-env';

/**
 * WeChat Pay's answers are trusted only when signed by a configured key, a query answer passes
 * the same appid/mchid check as a notification, and several platform keys work at once (a
 * rotation), with a warning before a certificate expires. A proxy between the BFF and the fake
 * passes answers on, tampers with them, or re-signs altered ones with the test's own key.
 */
const testKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const testKeyId = 'PUB_KEY_ID_0116190000010920261208000006';
const expiringCertificate = createSelfSignedCertificate({
  subject: { commonName: 'Tenpay.com Root CA', organization: 'Tenpay.com' },
  publicKey: testKey.publicKey,
  privateKey: testKey.privateKey,
  validFrom: new Date(Date.now() - 86_400_000),
  validTo: new Date(Date.now() + 10 * 86_400_000),
});

type Mode = 'pass' | 'tamper' | 'strip' | 'resign' | 'resign-foreign';
let mode: Mode = 'pass';
let env: FeesEnv;
let proxy: Server;
let proxyUrl: string;

function sign(body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(testKey.privateKey, 'base64');
  return { 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': nonce, 'Wechatpay-Signature': signature, 'Wechatpay-Serial': testKeyId };
}

beforeAll(async () => {
  env = await startFeesEnv('2026-11-25 08:00', {
    env: (fake, notifyBase) => merchantEnv(fake, notifyBase, {
      WECHATPAY_PLATFORM_CERTIFICATE: `${fake.platform.certificatePem}${expiringCertificate.pem}`,
      WECHATPAY_PUBLIC_KEY_ID: `${fake.platform.publicKeyId}, ${testKeyId}`,
      WECHATPAY_PUBLIC_KEY: `${fake.platform.publicKeyPem}${testKey.publicKey.export({ type: 'spki', format: 'pem' }).toString()}`,
    }),
  });
  proxy = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'host' && name !== 'content-length').map(([name, value]) => [name, String(value)]));
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      void fetch(`${env.fake.url}${request.url ?? '/'}`, { method: request.method, headers, body }).then(async (answer) => {
        let text = await answer.text();
        let signed: Record<string, string> = Object.fromEntries([...answer.headers].filter(([name]) => name.toLowerCase().startsWith('wechatpay-')));
        const paid = (value: string) => value.replace('"trade_state":"NOTPAY"', '"trade_state":"SUCCESS"').replace('"out_trade_no"', `"transaction_id":"4200009${Date.now()}","success_time":"2026-11-25T08:05:00+08:00","out_trade_no"`);
        if (mode === 'tamper') text = paid(text);
        if (mode === 'strip') signed = {};
        if (mode === 'resign' || mode === 'resign-foreign') {
          text = paid(text);
          if (mode === 'resign-foreign') text = text.replace(`"mchid":"${env.fake.merchant.mchid}"`, '"mchid":"1900000999"');
          signed = sign(text);
        }
        response.writeHead(answer.status, { 'Content-Type': 'application/json', ...signed });
        response.end(text);
      });
    });
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 60000);
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await env.close();
});
beforeEach(() => {
  mode = 'pass';
});

function viaProxy(): PaymentDeps {
  const pay = env.payment.pay;
  if (!pay) throw new Error('pay expected');
  return { ...env.payment, pay: { ...pay, gateway: createPayGateway({ ...pay.merchant, apiBase: proxyUrl }) } };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(() => null, (thrown: unknown) => thrown);
  if (!(error instanceof PayGatewayError)) throw new Error(`expected a PayGatewayError, got ${String(error)}`);
  return error.code;
}

describe('WeChat Pay answers', () => {
  it('reads signed answers and refuses tampered or unsigned ones; nothing is settled from them', async () => {
    const { order } = await payingOrder(env);
    const deps = viaProxy();
    const gateway = deps.pay?.gateway;
    if (!gateway) throw new Error('gateway expected');
    expect((await gateway.queryOrder(order.orderNo)).trade_state).toBe('NOTPAY');

    mode = 'tamper';
    expect(await refusal(gateway.queryOrder(order.orderNo))).toBe('INVALID_SIGNATURE');
    expect(await settleUnnotifiedPayments(deps, { quietForMs: 0 })).toMatchObject({ settled: 0 });
    mode = 'strip';
    expect(await refusal(gateway.queryOrder(order.orderNo))).toBe('INVALID_SIGNATURE');
    // An unknown key: a merchant that trusts only the fake's certificate refuses the test key's signature.
    mode = 'resign';
    const pay = env.payment.pay;
    if (!pay) throw new Error('pay expected');
    const fakeOnly = new Map([...pay.merchant.verificationKeys].filter(([serial]) => serial !== testKeyId));
    expect(await refusal(createPayGateway({ ...pay.merchant, apiBase: proxyUrl, verificationKeys: fakeOnly }).queryOrder(order.orderNo))).toBe('INVALID_SIGNATURE');
    expect(await orderStatus(env, order.id)).toBe('PAYING');
  });

  it('applies the notification’s appid/mchid check to query answers', async () => {
    const { order } = await payingOrder(env);
    const deps = viaProxy();
    const gateway = deps.pay?.gateway;
    if (!gateway) throw new Error('gateway expected');
    mode = 'resign-foreign';
    expect(await refusal(gateway.queryOrder(order.orderNo))).toBe('FOREIGN_TRANSACTION');
    expect(await settleUnnotifiedPayments(deps, { quietForMs: 0 })).toMatchObject({ settled: 0 });
    expect(await orderStatus(env, order.id)).toBe('PAYING');

    // The same answer with our own mchid, signed by the second configured key, is read and settles.
    mode = 'resign';
    const ours = await gateway.queryOrder(order.orderNo);
    expect(ours.trade_state).toBe('SUCCESS');
    const foreign: Transaction = { ...ours, mchid: '1900000999' };
    await expect(settleTransaction(env.payment, { transaction: foreign })).rejects.toThrow('mchid 不匹配');
    expect(await orderStatus(env, order.id)).toBe('PAYING');
    expect(await settleTransaction(env.payment, { transaction: ours })).toBe('PAID');
  });

  it('trusts several platform certificates and public keys at once, and warns before a certificate expires', async () => {
    const merchant = readPayMerchant(env.config);
    if (!merchant) throw new Error('merchant expected');
    expect([...merchant.verificationKeys.keys()].sort()).toEqual(
      [env.fake.platform.certificateSerialNo, expiringCertificate.serialNumber, env.fake.platform.publicKeyId, testKeyId].map((serial) => serial.toUpperCase()).sort(),
    );

    // A notification signed with the second key verifies under its certificate serial and under its key id.
    const verify = createNotificationVerifier({ merchant, redis: env.redis, keyPrefix: `${env.config.REDIS_KEY_PREFIX}pay-answers:` });
    for (const serial of [expiringCertificate.serialNumber, testKeyId]) {
      const nonce = randomBytes(6).toString('hex');
      const cipher = createCipheriv('aes-256-gcm', Buffer.from(env.fake.merchant.apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
      cipher.setAAD(Buffer.from('transaction', 'utf8'));
      const ciphertext = Buffer.concat([cipher.update('{"ok":true}', 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
      const body = JSON.stringify({ id: `EV-${nonce}`, event_type: 'TRANSACTION.SUCCESS', resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext, nonce, associated_data: 'transaction' } });
      const headers = sign(body);
      const verified = await verify({ timestamp: headers['Wechatpay-Timestamp'], nonce: headers['Wechatpay-Nonce'], signature: headers['Wechatpay-Signature'], serial }, body);
      expect(verified.resource).toEqual({ ok: true });
    }

    const warnings: unknown[] = [];
    const expiring = warnExpiringCertificates(env.payment, { logger: { warn: (entry: unknown) => warnings.push(entry) }, now: new Date() });
    expect(expiring).toEqual([{ serial: expiringCertificate.serialNumber, validTo: expect.any(String), daysLeft: expect.any(Number) }]);
    expect(expiring[0]?.daysLeft).toBeGreaterThanOrEqual(9);
    expect(warnings).toEqual([expect.objectContaining({ event: 'wechatpay_certificate_expiring', serial: expiringCertificate.serialNumber })]);
    // The fake's certificate (years left) is not reported.
    expect(warnExpiringCertificates(env.payment, { logger: { warn: () => undefined }, now: new Date(), withinDays: 5 })).toEqual([]);
  });
});
