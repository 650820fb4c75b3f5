import { decryptPersonal, encryptPersonal, hashPersonal, PersonalDataKeyError } from '../../prisma/src/personal-data';

describe('personal data encryption', () => {
  const original = { key: process.env.DATA_ENCRYPTION_KEY, env: process.env.NODE_ENV };
  afterEach(() => {
    if (original.key === undefined) delete process.env.DATA_ENCRYPTION_KEY;
    else process.env.DATA_ENCRYPTION_KEY = original.key;
    process.env.NODE_ENV = original.env;
  });

  it('round-trips, with a fresh IV each time', () => {
    const first = encryptPersonal('13857610001');
    const second = encryptPersonal('13857610001');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^v1\./);
    expect(first.length).toBeLessThanOrEqual(64);
    expect(decryptPersonal(first)).toBe('13857610001');
    expect(decryptPersonal(encryptPersonal('江北区市民大道 88 号'))).toBe('江北区市民大道 88 号');
  });

  it('rejects a tampered blob (the GCM tag is checked)', () => {
    const blob = encryptPersonal('13857610001');
    const bytes = Buffer.from(blob.slice(3), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => decryptPersonal(`v1.${bytes.toString('base64')}`)).toThrow();
    expect(() => decryptPersonal('plain text')).toThrow('Not an encrypted personal-data blob');
  });

  it('hashes deterministically with a key: same input same hash, another key another hash', () => {
    const hash = hashPersonal('13857610001');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPersonal(' 13857610001 ')).toBe(hash);
    process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
    expect(hashPersonal('13857610001')).not.toBe(hash);
  });

  it('cannot decrypt with another key', () => {
    const blob = encryptPersonal('13857610001');
    process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString('base64');
    expect(() => decryptPersonal(blob)).toThrow();
  });

  it('requires a 32-byte key, and a configured key in production', () => {
    process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(16).toString('base64');
    expect(() => encryptPersonal('x')).toThrow(PersonalDataKeyError);
    delete process.env.DATA_ENCRYPTION_KEY;
    process.env.NODE_ENV = 'production';
    expect(() => hashPersonal('x')).toThrow(PersonalDataKeyError);
  });
});
