import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';

/**
 * Encryption at rest for personal data (phone numbers, addresses).
 *
 * - encryptPersonal: AES-256-GCM with a random 96-bit IV under the current key of the key ring.
 *   The blob is `v2.<keyId>.<base64(iv | tag | ciphertext)>`; the associated data is the column
 *   and the row id, so a blob copied into another row or column does not decrypt there.
 *   Blobs of the first format, `v1.<base64(iv | tag | ciphertext)>` (one key, no associated data),
 *   stay readable with any key of the ring until `npm run reencrypt` rewrites them.
 * - hashPersonal: HMAC-SHA256 (hex, 64 chars) for lookups and comparisons without decrypting.
 *   Its key is derived with HKDF from DATA_HASH_KEY, or else from the oldest key of the ring, so
 *   rotating the encryption key leaves every stored hash valid.
 *
 * Keys: DATA_ENCRYPTION_KEYS=`k2:<base64>,k1:<base64>` (32 bytes each; the first encrypts, all
 * decrypt), or DATA_ENCRYPTION_KEY=<base64>, which is the ring `k1:<base64>`. A fixed development
 * key is used only when neither is set and the process runs in an explicit development, test or
 * demo mode (APP_MODE, else NODE_ENV); in any other mode a missing key is refused.
 */

export type AppMode = 'development' | 'test' | 'demo' | 'production';

/** The explicit modes that may use development defaults; anything else (unset too) is production. */
export const developmentModes: readonly AppMode[] = ['development', 'test', 'demo'];

/**
 * The mode of this process: APP_MODE, else NODE_ENV when it names a mode, else production.
 * Returns undefined for a value that is no mode (the BFF's configuration names it).
 */
export function appMode(env: Record<string, string | undefined> = process.env): AppMode | undefined {
  const value = (env.APP_MODE ?? '').trim() || (env.NODE_ENV ?? '').trim();
  if (value === '') return 'production';
  return (['development', 'test', 'demo', 'production'] as const).find((mode) => mode === value);
}

export function allowsDevelopmentDefaults(env: Record<string, string | undefined> = process.env): boolean {
  const mode = appMode(env);
  return mode !== undefined && developmentModes.includes(mode);
}

const ivLength = 12;
const tagLength = 16;
const developmentKeyText = 'R292UG9ja2V0IGRldmVsb3BtZW50IGtleSAhITEyMzQ=';
const developmentKey = { id: 'dev', key: Buffer.from(developmentKeyText, 'base64') };

export type PersonalDataKey = { id: string; key: Buffer };
export type KeyRing = { keys: PersonalDataKey[]; hashing: Buffer; isDevelopmentKey: boolean };

export class PersonalDataKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonalDataKeyError';
  }
}

/** A blob that is not ours, was tampered with, belongs to another row or column, or to no key we hold. */
export class PersonalDataUnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonalDataUnreadableError';
  }
}

/** The columns holding personal-data blobs; each blob is bound to its column and row id. */
export const personalDataColumns = [
  { table: 'User', column: 'phoneEncrypted' },
  { table: 'StaffAccount', column: 'phoneEncrypted' },
  { table: 'Appointment', column: 'deliveryAddressEncrypted' },
  { table: 'Appointment', column: 'contactPhoneEncrypted' },
  { table: 'Letter', column: 'contactPhoneEncrypted' },
] as const;

export type PersonalDataColumn = (typeof personalDataColumns)[number];
export type PersonalDataField = `${PersonalDataColumn['table']}.${PersonalDataColumn['column']}`;
/** Where a blob lives: its column and the id of its row. */
export type PersonalDataPlace = { field: PersonalDataField; rowId: string };

/** An id for a row created with personal data in it, so its blob can be bound to the id up front. */
export function newRecordId(): string {
  return randomUUID().replace(/-/g, '');
}

function decodeKey(name: string, id: string, text: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32 || key.toString('base64') !== text.replace(/\s/g, '')) {
    throw new PersonalDataKeyError(`${name}: key ${id} must be 32 bytes encoded as base64 (openssl rand -base64 32)`);
  }
  return key;
}

/**
 * The key ring the variables describe. Throws PersonalDataKeyError naming the variable when a key
 * is malformed, an id repeats, or no key is set outside an explicit development/test/demo mode.
 */
export function parseKeyRing(env: Record<string, string | undefined> = process.env): KeyRing {
  const ringText = (env.DATA_ENCRYPTION_KEYS ?? '').trim();
  const singleText = (env.DATA_ENCRYPTION_KEY ?? '').trim();
  let keys: PersonalDataKey[];
  if (ringText !== '') {
    keys = ringText.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '').map((entry) => {
      const separator = entry.indexOf(':');
      const id = separator > 0 ? entry.slice(0, separator) : '';
      if (!/^[A-Za-z0-9_-]{1,16}$/.test(id)) throw new PersonalDataKeyError('DATA_ENCRYPTION_KEYS: must be id:base64 pairs separated by commas (ids: letters, digits, _ or -, up to 16)');
      return { id, key: decodeKey('DATA_ENCRYPTION_KEYS', id, entry.slice(separator + 1).trim()) };
    });
    const ids = keys.map((key) => key.id);
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated) throw new PersonalDataKeyError(`DATA_ENCRYPTION_KEYS: key id ${repeated} appears twice`);
    if (keys.length === 0) throw new PersonalDataKeyError('DATA_ENCRYPTION_KEYS: names no key');
  } else if (singleText !== '') {
    keys = [{ id: 'k1', key: decodeKey('DATA_ENCRYPTION_KEY', 'k1', singleText) }];
  } else if (allowsDevelopmentDefaults(env)) {
    keys = [developmentKey];
  } else {
    throw new PersonalDataKeyError('DATA_ENCRYPTION_KEYS: required outside development/test/demo mode (or DATA_ENCRYPTION_KEY; 32 bytes, base64)');
  }
  const hashText = (env.DATA_HASH_KEY ?? '').trim();
  const hashSource = hashText !== '' ? decodeKey('DATA_HASH_KEY', 'hash', hashText) : (keys[keys.length - 1] as PersonalDataKey).key;
  return {
    keys,
    hashing: Buffer.from(hkdfSync('sha256', hashSource, Buffer.alloc(0), 'govpocket personal-data hash', 32)),
    isDevelopmentKey: keys.some((key) => key.key.equals(developmentKey.key)) || hashSource.equals(developmentKey.key),
  };
}

let cached: { source: string; ring: KeyRing } | undefined;

function currentRing(): KeyRing {
  const { env } = process;
  const source = [env.DATA_ENCRYPTION_KEYS, env.DATA_ENCRYPTION_KEY, env.DATA_HASH_KEY, env.APP_MODE, env.NODE_ENV].join('\u0000');
  if (cached?.source !== source) cached = { source, ring: parseKeyRing(env) };
  return cached.ring;
}

const associatedData = (keyId: string, place: PersonalDataPlace): Buffer => Buffer.from(`govpocket:${place.field}:${place.rowId}:${keyId}`, 'utf8');

/** Encrypts under the current key (first of the ring), bound to the column and row it is written to. */
export function encryptPersonal(text: string, place: PersonalDataPlace, ring: KeyRing = currentRing()): string {
  const current = ring.keys[0] as PersonalDataKey;
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(associatedData(current.id, place));
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `v2.${current.id}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

function open(key: Buffer, bytes: Buffer, aad: Buffer | undefined): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, ivLength));
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(bytes.subarray(ivLength, ivLength + tagLength));
    return Buffer.concat([decipher.update(bytes.subarray(ivLength + tagLength)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The id of the key a blob was written with; null for a first-format blob (no key id). */
export function blobKeyId(blob: string): string | null {
  return blob.startsWith('v2.') ? (blob.split('.')[1] ?? null) : null;
}

/**
 * Throws PersonalDataUnreadableError when the blob was tampered with, copied from another row or
 * column, or written with a key the ring no longer holds.
 */
export function decryptPersonal(blob: string, place: PersonalDataPlace, ring: KeyRing = currentRing()): string {
  const parts = blob.split('.');
  if (parts[0] === 'v2' && parts.length === 3) {
    const [, keyId = '', payload = ''] = parts;
    const key = ring.keys.find((candidate) => candidate.id === keyId);
    if (!key) throw new PersonalDataUnreadableError(`personal data written with key ${keyId}, which the key ring does not hold`);
    const bytes = Buffer.from(payload, 'base64');
    if (bytes.length < ivLength + tagLength) throw new PersonalDataUnreadableError('encrypted personal data is truncated');
    const text = open(key.key, bytes, associatedData(keyId, place));
    if (text === undefined) throw new PersonalDataUnreadableError(`personal data does not belong to ${place.field} of this row, or was altered`);
    return text;
  }
  if (parts[0] === 'v1' && parts.length === 2) {
    const bytes = Buffer.from(parts[1] ?? '', 'base64');
    if (bytes.length < ivLength + tagLength) throw new PersonalDataUnreadableError('encrypted personal data is truncated');
    for (const key of ring.keys) {
      const text = open(key.key, bytes, undefined);
      if (text !== undefined) return text;
    }
    throw new PersonalDataUnreadableError('personal data of the first format that no key of the ring opens');
  }
  throw new PersonalDataUnreadableError('Not an encrypted personal-data blob');
}

/** The plaintext, or null when there is none or it cannot be read (the caller shows it as absent). */
export function readPersonal(blob: string | null | undefined, place: PersonalDataPlace): string | null {
  if (!blob) return null;
  try {
    return decryptPersonal(blob, place);
  } catch (error) {
    if (error instanceof PersonalDataUnreadableError) return null;
    throw error;
  }
}

/** Keyed hash of the trimmed text; equal inputs give equal hashes, so it can be indexed. */
export function hashPersonal(text: string): string {
  return createHmac('sha256', currentRing().hashing).update(text.trim(), 'utf8').digest('hex');
}
