import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for personal data (phone numbers, addresses, ID numbers).
 *
 * - encryptPersonal: AES-256-GCM with a random 96-bit IV. The blob is `v1.<base64(iv | tag | ciphertext)>`,
 *   so an 11-digit phone number takes 55 characters.
 * - hashPersonal: HMAC-SHA256 (hex, 64 chars) for lookups and comparisons without decrypting.
 *   Its key is derived from the encryption key with HKDF, so one secret configures both.
 *
 * The key is DATA_ENCRYPTION_KEY: 32 bytes, base64. Outside production a fixed development key is
 * used when the variable is missing, so that demos and tests need no setup. Rotating the key needs
 * a re-encryption job (the version prefix leaves room for it).
 */

const blobVersion = 'v1';
const ivLength = 12;
const tagLength = 16;
const developmentKey = Buffer.from('R292UG9ja2V0IGRldmVsb3BtZW50IGtleSAhITEyMzQ=', 'base64');

type Keys = { encryption: Buffer; hashing: Buffer };
let cached: { source: string | undefined; keys: Keys } | undefined;

export class PersonalDataKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonalDataKeyError';
  }
}

function loadKeys(): Keys {
  const source = process.env.DATA_ENCRYPTION_KEY;
  if (cached && cached.source === source) return cached.keys;

  let encryption: Buffer;
  if (source) {
    encryption = Buffer.from(source, 'base64');
    if (encryption.length !== 32) throw new PersonalDataKeyError('DATA_ENCRYPTION_KEY must be 32 bytes encoded as base64 (openssl rand -base64 32)');
  } else if (process.env.NODE_ENV === 'production') {
    throw new PersonalDataKeyError('DATA_ENCRYPTION_KEY is required in production (32 bytes, base64)');
  } else {
    encryption = developmentKey;
  }
  const hashing = Buffer.from(hkdfSync('sha256', encryption, Buffer.alloc(0), 'govpocket personal-data hash', 32));
  cached = { source, keys: { encryption, hashing } };
  return cached.keys;
}

export function encryptPersonal(text: string): string {
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', loadKeys().encryption, iv);
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `${blobVersion}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

/** Throws when the blob was tampered with or encrypted with another key (GCM tag check). */
export function decryptPersonal(blob: string): string {
  const [version, payload] = blob.split('.', 2);
  if (version !== blobVersion || !payload) throw new Error('Not an encrypted personal-data blob');
  const bytes = Buffer.from(payload, 'base64');
  if (bytes.length < ivLength + tagLength) throw new Error('Encrypted personal-data blob is truncated');
  const decipher = createDecipheriv('aes-256-gcm', loadKeys().encryption, bytes.subarray(0, ivLength));
  decipher.setAuthTag(bytes.subarray(ivLength, ivLength + tagLength));
  return Buffer.concat([decipher.update(bytes.subarray(ivLength + tagLength)), decipher.final()]).toString('utf8');
}

/** Keyed hash of the trimmed text; equal inputs give equal hashes, so it can be indexed. */
export function hashPersonal(text: string): string {
  return createHmac('sha256', loadKeys().hashing).update(text.trim(), 'utf8').digest('hex');
}
