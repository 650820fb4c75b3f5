import { X509Certificate } from 'node:crypto';
import { encryptAeadAes256Gcm } from '../crypto/aead-aes-256-gcm';
import type { FakeContext } from '../fake-context';
import { randomAlphanumeric } from '../identifiers';
import { formatBeijingTime } from './beijing-time';

/**
 * GET /v3/certificates: the platform certificates, each encrypted with the APIv3 key so that only
 * the merchant can read them. (Merchants on the public-key scheme download the key from the
 * console instead; the fake serves both.)
 */
export function listPlatformCertificates(fake: FakeContext): { data: Array<Record<string, unknown>> } {
  const { platform, merchant } = fake.keys;
  const certificate = new X509Certificate(platform.certificatePem);
  const nonce = randomAlphanumeric(12);
  return {
    data: [
      {
        serial_no: platform.certificateSerialNo,
        effective_time: formatBeijingTime(Date.parse(certificate.validFrom)),
        expire_time: formatBeijingTime(Date.parse(certificate.validTo)),
        encrypt_certificate: {
          algorithm: 'AEAD_AES_256_GCM',
          nonce,
          associated_data: 'certificate',
          ciphertext: encryptAeadAes256Gcm({ apiV3Key: merchant.apiV3Key, nonce, associatedData: 'certificate', plaintext: platform.certificatePem }),
        },
      },
    ],
  };
}
