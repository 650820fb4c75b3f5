import { startDelivery } from '../delivery';
import { encryptAeadAes256Gcm, type EncryptedResource } from '../crypto/aead-aes-256-gcm';
import type { FakeContext } from '../fake-context';
import { newNotificationId, randomAlphanumeric } from '../identifiers';
import type { DeliveryRecord } from '../state';
import { formatBeijingTime } from './beijing-time';
import { signWithPlatformKey } from './platform-signature';

export type PayEventType = 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED';

const summaries: Record<PayEventType, string> = {
  'TRANSACTION.SUCCESS': '支付成功',
  'REFUND.SUCCESS': '退款成功',
  'REFUND.ABNORMAL': '退款异常',
  'REFUND.CLOSED': '退款关闭',
};

/**
 * Sends a WeChat Pay notification: the resource encrypted with the APIv3 key (AEAD_AES_256_GCM),
 * the body signed with the platform key, re-signed on every retry until the merchant answers
 * 200/204 or the retry schedule runs out.
 */
export function sendPayNotification(
  fake: FakeContext,
  input: { url: string; subject: string; eventType: PayEventType; originalType: 'transaction' | 'refund'; resource: object },
): DeliveryRecord {
  const nonce = randomAlphanumeric(12);
  const associatedData = input.originalType;
  const resource: EncryptedResource & { original_type: string } = {
    original_type: input.originalType,
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: encryptAeadAes256Gcm({ apiV3Key: fake.keys.merchant.apiV3Key, nonce, associatedData, plaintext: JSON.stringify(input.resource) }),
    associated_data: associatedData,
    nonce,
  };
  const body = JSON.stringify({
    id: newNotificationId(),
    create_time: formatBeijingTime(fake.clock.now()),
    resource_type: 'encrypt-resource',
    event_type: input.eventType,
    summary: summaries[input.eventType],
    resource,
  });
  return startDelivery(fake, {
    kind: 'pay-notification',
    subject: input.subject,
    eventType: input.eventType,
    url: input.url,
    body,
    headersFor: () => ({ ...signWithPlatformKey(fake, body), 'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048' }),
    retryDelaysMs: fake.options.notifyRetryDelaysMs,
    isAcknowledged: (status) => status === 200 || status === 204,
  });
}
