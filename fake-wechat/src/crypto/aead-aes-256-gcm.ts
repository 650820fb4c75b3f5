import { createCipheriv, createDecipheriv } from 'node:crypto';

/** The `resource` object of notifications and the `encrypt_certificate` of certificate downloads. */
export type EncryptedResource = {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  nonce: string;
};

const tagLength = 16;

/** AEAD_AES_256_GCM as WeChat Pay uses it: key = APIv3 key, IV = 12-char nonce, output = base64(ciphertext || tag). */
export function encryptAeadAes256Gcm(input: { apiV3Key: string; nonce: string; associatedData: string; plaintext: string }): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(input.apiV3Key, 'utf8'), Buffer.from(input.nonce, 'utf8'));
  cipher.setAAD(Buffer.from(input.associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(input.plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([encrypted, cipher.getAuthTag()]).toString('base64');
}

/**
 * The inverse, checking the tag: `final()` throws when ciphertext, tag or AAD were altered.
 * (wechatpay-node-v3's decipher_gcm skips `final()` and so accepts forged ciphertexts.)
 */
export function decryptAeadAes256Gcm(input: { apiV3Key: string; nonce: string; associatedData: string; ciphertext: string }): string {
  const raw = Buffer.from(input.ciphertext, 'base64');
  if (raw.length < tagLength) throw new Error('ciphertext shorter than the GCM tag');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(input.apiV3Key, 'utf8'), Buffer.from(input.nonce, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - tagLength));
  decipher.setAAD(Buffer.from(input.associatedData, 'utf8'));
  return Buffer.concat([decipher.update(raw.subarray(0, raw.length - tagLength)), decipher.final()]).toString('utf8');
}
