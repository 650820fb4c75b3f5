import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  appMode, decryptPersonal, personalDataColumns, encryptPersonal, hashPersonal, parseKeyRing, PersonalDataKeyError, PersonalDataUnreadableError, readPersonal, type PersonalDataPlace,
} from '../../prisma/src/personal-data';

const keyA = Buffer.alloc(32, 7).toString('base64');
const keyB = Buffer.alloc(32, 9).toString('base64');
const userPhone: PersonalDataPlace = { field: 'User.phoneEncrypted', rowId: 'user-1' };

/** A blob as the first release wrote it: `v1.` + base64(iv | tag | ciphertext), no associated data. */
function firstFormatBlob(text: string, keyText: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyText, 'base64'), iv);
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

describe('personal data encryption', () => {
  const variables = ['DATA_ENCRYPTION_KEY', 'DATA_ENCRYPTION_KEYS', 'DATA_HASH_KEY', 'APP_MODE', 'NODE_ENV'] as const;
  const original = Object.fromEntries(variables.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of variables) {
      if (original[name] === undefined) delete process.env[name];
      else process.env[name] = original[name];
    }
  });

  it('round-trips, with a fresh IV each time, and names the key it used', () => {
    const first = encryptPersonal('13857610001', userPhone);
    const second = encryptPersonal('13857610001', userPhone);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^v2\.dev\./);
    expect(first.length).toBeLessThanOrEqual(64);
    expect(decryptPersonal(first, userPhone)).toBe('13857610001');
    const address: PersonalDataPlace = { field: 'Appointment.deliveryAddressEncrypted', rowId: 'appointment-1' };
    expect(decryptPersonal(encryptPersonal('江北区市民大道 88 号', address), address)).toBe('江北区市民大道 88 号');
  });

  it('rejects a tampered blob (the GCM tag is checked)', () => {
    const blob = encryptPersonal('13857610001', userPhone);
    const [version, keyId, payload] = blob.split('.');
    const bytes = Buffer.from(payload ?? '', 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => decryptPersonal(`${version}.${keyId}.${bytes.toString('base64')}`, userPhone)).toThrow(PersonalDataUnreadableError);
    expect(() => decryptPersonal('plain text', userPhone)).toThrow('Not an encrypted personal-data blob');
  });

  it('binds a blob to its row and column: a copy elsewhere does not decrypt', () => {
    const blob = encryptPersonal('13857610001', userPhone);
    expect(() => decryptPersonal(blob, { field: 'User.phoneEncrypted', rowId: 'user-2' })).toThrow(PersonalDataUnreadableError);
    expect(() => decryptPersonal(blob, { field: 'StaffAccount.phoneEncrypted', rowId: 'user-1' })).toThrow(PersonalDataUnreadableError);
    expect(() => decryptPersonal(blob, { field: 'Letter.contactPhoneEncrypted', rowId: 'user-1' })).toThrow(PersonalDataUnreadableError);
    // Relabelling the key id does not help either: the id is part of the associated data.
    expect(() => decryptPersonal(blob.replace('v2.dev.', 'v2.k1.'), userPhone)).toThrow(PersonalDataUnreadableError);
    expect(readPersonal(blob, { field: 'User.phoneEncrypted', rowId: 'user-2' })).toBeNull();
    expect(readPersonal(blob, userPhone)).toBe('13857610001');
  });

  it('rotates keys: the first key of the ring encrypts, every key of the ring decrypts, first-format blobs stay readable', () => {
    process.env.DATA_ENCRYPTION_KEY = keyA;
    const underSingleKey = encryptPersonal('13857610001', userPhone);
    expect(underSingleKey).toMatch(/^v2\.k1\./);
    const legacy = firstFormatBlob('13857610002', keyA);
    const hashBefore = hashPersonal('13857610001');

    // The new key goes first; the single key becomes k1 of the ring.
    delete process.env.DATA_ENCRYPTION_KEY;
    process.env.DATA_ENCRYPTION_KEYS = `k2:${keyB},k1:${keyA}`;
    const underNewKey = encryptPersonal('13857610003', userPhone);
    expect(underNewKey).toMatch(/^v2\.k2\./);
    expect(decryptPersonal(underSingleKey, userPhone)).toBe('13857610001');
    expect(decryptPersonal(legacy, userPhone)).toBe('13857610002');
    expect(decryptPersonal(underNewKey, userPhone)).toBe('13857610003');
    // Lookup hashes keep working across the rotation (keyed from the oldest key of the ring) …
    expect(hashPersonal('13857610001')).toBe(hashBefore);

    // … and after the old key is retired, from DATA_HASH_KEY holding it.
    process.env.DATA_ENCRYPTION_KEYS = `k2:${keyB}`;
    process.env.DATA_HASH_KEY = keyA;
    expect(hashPersonal('13857610001')).toBe(hashBefore);
    expect(decryptPersonal(underNewKey, userPhone)).toBe('13857610003');
    expect(() => decryptPersonal(underSingleKey, userPhone)).toThrow(/key k1, which the key ring does not hold/);
    expect(() => decryptPersonal(legacy, userPhone)).toThrow(PersonalDataUnreadableError);
  });

  it('hashes deterministically with a key: same input same hash, another key another hash', () => {
    const hash = hashPersonal('13857610001');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPersonal(' 13857610001 ')).toBe(hash);
    process.env.DATA_ENCRYPTION_KEY = keyA;
    expect(hashPersonal('13857610001')).not.toBe(hash);
  });

  it('names a malformed ring', () => {
    expect(() => parseKeyRing({ DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/DATA_ENCRYPTION_KEY: key k1 must be 32 bytes/);
    expect(() => parseKeyRing({ DATA_ENCRYPTION_KEYS: `k2:${keyB},k2:${keyA}` })).toThrow(/key id k2 appears twice/);
    expect(() => parseKeyRing({ DATA_ENCRYPTION_KEYS: keyA })).toThrow(/must be id:base64 pairs/);
    expect(() => parseKeyRing({ DATA_ENCRYPTION_KEYS: `k2:${keyB}`, DATA_HASH_KEY: 'short' })).toThrow(/DATA_HASH_KEY/);
  });

  it('uses the development key only in an explicit development, test or demo mode', () => {
    for (const mode of ['development', 'test', 'demo']) {
      expect(parseKeyRing({ APP_MODE: mode }).isDevelopmentKey).toBe(true);
      expect(parseKeyRing({ NODE_ENV: mode }).isDevelopmentKey).toBe(true);
    }
    expect(appMode({})).toBe('production');
    expect(appMode({ NODE_ENV: 'staging' })).toBeUndefined();
    for (const env of [{}, { NODE_ENV: 'production' }, { APP_MODE: 'production', NODE_ENV: 'test' }, { NODE_ENV: 'staging' }]) {
      expect(() => parseKeyRing(env)).toThrow(PersonalDataKeyError);
      expect(() => parseKeyRing(env)).toThrow(/DATA_ENCRYPTION_KEYS: required outside development\/test\/demo mode/);
    }
    delete process.env.NODE_ENV;
    delete process.env.APP_MODE;
    expect(() => hashPersonal('x')).toThrow(PersonalDataKeyError);
    expect(parseKeyRing({ DATA_ENCRYPTION_KEY: keyA }).isDevelopmentKey).toBe(false);
  });

  it('knows every encrypted column of the schema (npm run reencrypt walks this list)', () => {
    const schema = readFileSync(path.resolve(__dirname, '../../prisma/schema.prisma'), 'utf8');
    const inSchema: string[] = [];
    for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      for (const [, field] of (body ?? '').matchAll(/^\s+(\w+Encrypted)\s/gm)) inSchema.push(`${model}.${field}`);
    }
    expect(inSchema.length).toBeGreaterThan(0);
    expect(personalDataColumns.map(({ table, column }) => `${table}.${column}`).sort()).toEqual(inSchema.sort());
  });
});
