import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { ConfigError, loadConfig } from '../../bff/src/config';
import { createLocalDiskStorage, type FileStorage } from '../../bff/src/modules/files/file-storage';
import { createFileUrlSigner } from '../../bff/src/modules/files/signed-url';
import { productionEnv } from '../support/production-env';

describe('file URL signer', () => {
  let nowMs = Date.UTC(2026, 10, 22, 2, 0, 0);
  const signer = createFileUrlSigner({ secret: 's'.repeat(40), baseUrl: 'https://bff.qingjiang.example/api/', defaultTtlSeconds: 600, now: () => nowMs });
  const queryOf = (url: string) => {
    const parsed = new URL(url);
    return { expires: Number(parsed.searchParams.get('expires')), sig: parsed.searchParams.get('sig') ?? '', viewerUserId: parsed.searchParams.get('v') ?? undefined };
  };

  it('signs id, expiry and viewer, under the configured base, valid until it expires', () => {
    const signed = signer.signFileUrl('cfile1', { viewerUserId: 'cuser1' });
    expect(signed.url.startsWith('https://bff.qingjiang.example/api/files/cfile1?')).toBe(true);
    expect(signed.expiresAt).toBe(nowMs / 1000 + 600);
    const query = { fileId: 'cfile1', ...queryOf(signed.url) };
    expect(signer.verifyFileUrl(query)).toEqual({ isValid: true, expiresInSeconds: 600 });
    expect(signer.verifyFileUrl({ ...query, fileId: 'cfile2' })).toEqual({ isValid: false, reason: 'bad-signature' });
    expect(signer.verifyFileUrl({ ...query, viewerUserId: undefined })).toEqual({ isValid: false, reason: 'bad-signature' });
    nowMs += 600_000;
    expect(signer.verifyFileUrl(query)).toEqual({ isValid: false, reason: 'expired' });
  });

  it('caps the lifetime at a week', () => {
    const signed = signer.signFileUrl('cfile1', { ttlSeconds: 365 * 24 * 3600 });
    expect(signed.expiresAt - nowMs / 1000).toBe(7 * 24 * 3600);
  });
});

describe('local disk storage', () => {
  let dir: string;
  let storage: FileStorage;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'govpocket-storage-'));
    storage = createLocalDiskStorage({ dir });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('puts, gets and deletes by key, leaving no partial files', async () => {
    await storage.put('images/2026/11/a.png', Buffer.from('bytes'), 'image/png');
    const stored = await storage.get('images/2026/11/a.png');
    expect(stored?.size).toBe(5);
    expect(stored ? await text(stored.stream) : null).toBe('bytes');
    expect(await readdir(path.join(dir, 'images/2026/11'))).toEqual(['a.png']);
    await storage.delete('images/2026/11/a.png');
    await storage.delete('images/2026/11/a.png');
    expect(await storage.get('images/2026/11/a.png')).toBeNull();
  });

  it('refuses keys that would leave its directory', async () => {
    for (const key of ['../escape.png', 'images/../../escape.png', '/etc/passwd', 'images//a.png', 'images\\a.png']) {
      await expect(storage.put(key, Buffer.from('x'), 'image/png')).rejects.toThrow(/invalid storage key/);
    }
  });
});

describe('file configuration', () => {
  it('has upload defaults for a developer machine', () => {
    expect(loadConfig({ APP_MODE: 'development' })).toMatchObject({ FILE_STORAGE_DIR: '.data/uploads', IMAGE_MAX_BYTES: 5 * 1024 * 1024, FILE_URL_TTL_SECONDS: 3600, FILE_URL_BASE: '' });
  });

  it('will not run in production with the published development URL secret', () => {
    const { FILE_URL_SECRET: _secret, ...withoutSecret } = productionEnv();
    expect(() => loadConfig({ ...withoutSecret, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...withoutSecret, NODE_ENV: 'production' })).toThrow(/FILE_URL_SECRET: must be set in production/);
    expect(() => loadConfig({ ...withoutSecret, FILE_URL_SECRET: 'dev-only-file-url-secret-change-me-in-production' })).toThrow(/FILE_URL_SECRET: must be set in production/);
    expect(loadConfig({ ...withoutSecret, NODE_ENV: 'production', FILE_URL_SECRET: 'k'.repeat(48) }).FILE_URL_SECRET).toBe('k'.repeat(48));
    expect(() => loadConfig({ APP_MODE: 'test', FILE_URL_SECRET: 'short' })).toThrow(/FILE_URL_SECRET: must be at least 32 characters/);
  });
});
