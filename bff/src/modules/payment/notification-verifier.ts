import { createDecipheriv, createVerify } from 'node:crypto';
import type Redis from 'ioredis';
import { z } from 'zod';
import type { PayMerchant } from './merchant';

/**
 * Checks a WeChat Pay notification before anything trusts it: the signature over
 * `timestamp\nnonce\nbody\n` with the key named by Wechatpay-Serial, a timestamp within 5 minutes
 * of our clock, a nonce not seen within that window (Redis), then AEAD_AES_256_GCM decryption
 * with the tag checked (wechatpay-node-v3's decipher_gcm skips that check, so it is not used).
 */
export class NotificationRejected extends Error {
  constructor(readonly status: 400 | 401, message: string) {
    super(message);
    this.name = 'NotificationRejected';
  }
}

export type SignedHeaders = { timestamp?: string; nonce?: string; signature?: string; serial?: string };

const maxSkewSeconds = 300;
const tagLength = 16;

const envelopeSchema = z.object({
  id: z.string().min(1).max(64),
  event_type: z.string().min(1).max(64),
  resource: z.object({ algorithm: z.literal('AEAD_AES_256_GCM'), ciphertext: z.string().min(1), nonce: z.string().min(1), associated_data: z.string().optional() }),
});

export type VerifiedNotification = { id: string; eventType: string; resource: unknown };

/** AES-256-GCM as WeChat Pay uses it; `final()` throws when ciphertext, tag or AAD were altered. */
export function decryptResource(apiV3Key: string, resource: { ciphertext: string; nonce: string; associated_data?: string }): string {
  const raw = Buffer.from(resource.ciphertext, 'base64');
  if (raw.length <= tagLength) throw new Error('ciphertext shorter than its tag');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'), { authTagLength: tagLength });
  decipher.setAuthTag(raw.subarray(raw.length - tagLength));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(raw.subarray(0, raw.length - tagLength)), decipher.final()]).toString('utf8');
}

export function createNotificationVerifier({ merchant, redis, keyPrefix, nowMs = () => Date.now() }: { merchant: PayMerchant; redis: Redis; keyPrefix: string; nowMs?: () => number }) {
  return async (headers: SignedHeaders, rawBody: string): Promise<VerifiedNotification> => {
    const { timestamp, nonce, signature, serial } = headers;
    if (!timestamp || !nonce || !signature || !serial) throw new NotificationRejected(401, '缺少签名头');
    const key = merchant.verificationKeys.get(serial.toUpperCase());
    if (!key) throw new NotificationRejected(401, '未知的证书序列号');
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs() / 1000 - Number(timestamp)) > maxSkewSeconds) throw new NotificationRejected(401, '时间戳已过期');
    const isValid = createVerify('RSA-SHA256').update(`${timestamp}\n${nonce}\n${rawBody}\n`).verify(key, signature, 'base64');
    if (!isValid) throw new NotificationRejected(401, '签名验证失败');
    // Only a correctly signed request can spend a nonce, so forgeries cannot block real ones.
    const isFresh = await redis.set(`${keyPrefix}wxpay:nonce:${nonce}`, '1', 'EX', maxSkewSeconds * 2, 'NX');
    if (isFresh !== 'OK') throw new NotificationRejected(401, '重复的通知请求');

    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new NotificationRejected(400, '通知格式错误');
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) throw new NotificationRejected(400, '通知格式错误');
    let plaintext: string;
    try {
      plaintext = decryptResource(merchant.apiV3Key, envelope.data.resource);
    } catch {
      throw new NotificationRejected(400, '解密失败');
    }
    let resource: unknown;
    try {
      resource = JSON.parse(plaintext);
    } catch {
      throw new NotificationRejected(400, '通知内容格式错误');
    }
    return { id: envelope.data.id, eventType: envelope.data.event_type, resource };
  };
}

export type NotificationVerifier = ReturnType<typeof createNotificationVerifier>;
