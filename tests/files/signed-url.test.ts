import request from 'supertest';
import { errorBodySchema, signedFileUrlSchema, uploadedImageSchema } from '@govpocket/shared';
import { createFileUrlSigner } from '../../bff/src/modules/files/signed-url';
import { createFilesTestApp, type FilesTestApp, loginAs, png, upload } from './upload-support';

let t: FilesTestApp;
let zhang: { token: string; userId: string };
let li: { token: string; userId: string };
let fileId: string;
let url: string;

beforeAll(async () => {
  t = await createFilesTestApp();
  zhang = await loginAs(t, 'resident-zhang');
  li = await loginAs(t, 'resident-li');
  const response = await upload(t, zhang.token, { bytes: await png(6, 4), filename: 'material.png', contentType: 'image/png' }, { purpose: 'PRE_REVIEW' });
  ({ fileId, url } = uploadedImageSchema.parse(response.body));
});
afterAll(async () => {
  await t.close();
});

const get = (path: string) => request(t.app.callback()).get(path);

function withParam(signedUrl: string, name: string, value: string | null): string {
  const parsed = new URL(signedUrl, 'http://bff.test');
  if (value === null) parsed.searchParams.delete(name);
  else parsed.searchParams.set(name, value);
  return `${parsed.pathname}${parsed.search}`;
}

describe('GET /files/:fileId (signed URL)', () => {
  it('serves the image to whoever holds the URL, without a login, as an inline private image', async () => {
    expect(url).toMatch(new RegExp(`^/files/${fileId}\\?expires=\\d+&v=${zhang.userId}&sig=[A-Za-z0-9_-]{43}$`));
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="${fileId}.png"`,
      'cross-origin-resource-policy': 'cross-origin',
    });
    expect(response.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(Number(response.headers['content-length'])).toBeGreaterThan(0);
  });

  it('answers 403 to a tampered signature, expiry or viewer, and to no signature at all', async () => {
    const signature = new URL(url, 'http://bff.test').searchParams.get('sig') ?? '';
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const expires = Number(new URL(url, 'http://bff.test').searchParams.get('expires'));
    const tampered = [
      withParam(url, 'sig', flipped),
      withParam(url, 'sig', 'short'),
      withParam(url, 'expires', String(expires + 3600)),
      withParam(url, 'v', li.userId),
      withParam(url, 'v', null),
      withParam(url, 'sig', null),
      `/files/${fileId}`,
    ];
    for (const path of tampered) {
      const response = await get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect(errorBodySchema.parse(response.body).error).toMatchObject({ code: 'FORBIDDEN', message: '图片链接无效' });
    }
  });

  it('answers 403 once the URL has expired', async () => {
    const signedAnHourAgo = createFileUrlSigner({ secret: t.config.FILE_URL_SECRET, baseUrl: '', defaultTtlSeconds: 60, now: () => Date.now() - 3600_000 });
    const response = await get(signedAnHourAgo.signFileUrl(fileId).url);
    expect(response.status).toBe(403);
    expect(errorBodySchema.parse(response.body).error.message).toBe('图片链接已过期，请刷新页面后重试');
  });

  it('answers 403 to a URL signed with another key', async () => {
    const forger = createFileUrlSigner({ secret: 'x'.repeat(32), baseUrl: '', defaultTtlSeconds: 60 });
    expect((await get(forger.signFileUrl(fileId).url)).status).toBe(403);
  });

  it('answers 404 to a validly signed URL for a file that does not exist', async () => {
    const signer = createFileUrlSigner({ secret: t.config.FILE_URL_SECRET, baseUrl: '', defaultTtlSeconds: 60 });
    const response = await get(signer.signFileUrl('cnosuchfile000000000000000').url);
    expect(response.status).toBe(404);
    expect(errorBodySchema.parse(response.body).error.code).toBe('NOT_FOUND');
  });
});

describe('GET /files/:fileId/url', () => {
  it('gives the owner a fresh signed URL that works', async () => {
    const response = await get(`/files/${fileId}/url`).set('Authorization', `Bearer ${zhang.token}`);
    expect(response.status).toBe(200);
    const body = signedFileUrlSchema.parse(response.body);
    expect(body.fileId).toBe(fileId);
    expect(body.expiresAt).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + t.config.FILE_URL_TTL_SECONDS - 5);
    expect((await get(body.url)).status).toBe(200);
  });

  it('tells anyone else the file does not exist, and asks strangers to log in', async () => {
    const other = await get(`/files/${fileId}/url`).set('Authorization', `Bearer ${li.token}`);
    expect(other.status).toBe(404);
    expect(errorBodySchema.parse(other.body).error.code).toBe('NOT_FOUND');
    expect((await get(`/files/${fileId}/url`)).status).toBe(401);
    expect((await get('/files/cnosuchfile000000000000000/url').set('Authorization', `Bearer ${zhang.token}`)).status).toBe(404);
  });
});
