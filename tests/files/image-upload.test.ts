import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import request from 'supertest';
import { errorBodySchema, uploadedImageSchema } from '@govpocket/shared';
import { rateLimitPolicies } from '../../bff/src/platform/rate-limit';
import { createFilesTestApp, type FilesTestApp, gif, jpegWithExif, loginAs, pixelsAt, png, resetUploadBudget, storedState, upload, webp } from './upload-support';

let t: FilesTestApp;
let zhang: { token: string; userId: string };

beforeAll(async () => {
  t = await createFilesTestApp();
  zhang = await loginAs(t, 'resident-zhang');
});
afterAll(async () => {
  await t.close();
});
afterEach(async () => {
  await resetUploadBudget(t);
});

async function fetchServed(url: string) {
  return request(t.app.callback()).get(url).buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

/** A PNG whose header claims 20000×20000 pixels: tiny on the wire, 1.6 GB once decoded. */
async function pixelBomb(): Promise<Buffer> {
  const bytes = Buffer.from(await png(1, 1));
  bytes.writeUInt32BE(20000, 16);
  bytes.writeUInt32BE(20000, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

describe('POST /files/images', () => {
  it('stores a JPEG without its EXIF, with the orientation applied, and serves it back', async () => {
    const original = await jpegWithExif();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const response = await upload(t, zhang.token, { bytes: original, filename: 'IMG_0001.JPG', contentType: 'image/jpeg' }, { purpose: 'LETTER_IMAGE' });
    expect(response.status).toBe(201);
    const body = uploadedImageSchema.parse(response.body);
    expect(body).toMatchObject({ contentType: 'image/jpeg', width: 20, height: 40 });

    const served = await fetchServed(body.url);
    expect(served.status).toBe(200);
    const bytes: Buffer = served.body;
    expect(bytes.length).toBe(body.size);
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(bytes.includes('secret-gps')).toBe(false);
    expect(bytes.includes('zhang-xiaoming')).toBe(false);
    // Orientation 6 turns the red left half into the top half.
    const [top, bottom] = await pixelsAt(bytes, [[10, 5], [10, 35]]);
    expect(top?.[0]).toBeGreaterThan(200);
    expect(bottom?.[2]).toBeGreaterThan(200);

    const row = await t.prisma.uploadedFile.findUniqueOrThrow({ where: { id: body.fileId } });
    expect(row).toMatchObject({ ownerId: zhang.userId, purpose: 'LETTER_IMAGE', contentType: 'image/jpeg', sizeBytes: body.size, width: 20, height: 40 });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('trusts the bytes, not the name or declared type: a PNG named .jpg is stored as PNG', async () => {
    const response = await upload(t, zhang.token, { bytes: await png(8, 6), filename: 'photo.jpg', contentType: 'image/jpeg' });
    expect(response.status).toBe(201);
    const body = uploadedImageSchema.parse(response.body);
    expect(body).toMatchObject({ contentType: 'image/png', width: 8, height: 6 });
    const row = await t.prisma.uploadedFile.findUniqueOrThrow({ where: { id: body.fileId } });
    expect(row.storageKey).toMatch(/\.png$/);
    const served = await fetchServed(body.url);
    expect(served.headers['content-type']).toBe('image/png');
    expect((await sharp(served.body as Buffer).metadata()).format).toBe('png');
  });

  it('accepts WebP, and an octet-stream declaration, and defaults the purpose', async () => {
    const response = await upload(t, zhang.token, { bytes: await webp(), filename: 'blob', contentType: 'application/octet-stream' });
    expect(response.status).toBe(201);
    const body = uploadedImageSchema.parse(response.body);
    expect(body.contentType).toBe('image/webp');
    expect((await t.prisma.uploadedFile.findUniqueOrThrow({ where: { id: body.fileId } })).purpose).toBe('OTHER');
  });

  it('re-encodes, so bytes smuggled after the image data are not stored', async () => {
    const polyglot = Buffer.concat([await png(4, 4), Buffer.from('<script>alert("x")</script>')]);
    const response = await upload(t, zhang.token, { bytes: polyglot, filename: 'a.png', contentType: 'image/png' });
    expect(response.status).toBe(201);
    const served = await fetchServed(uploadedImageSchema.parse(response.body).url);
    expect((served.body as Buffer).includes('<script>')).toBe(false);
  });

  describe('refuses, storing nothing', () => {
    const disguised: Array<[string, () => Promise<Buffer> | Buffer]> = [
      ['an HTML page', () => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>')],
      ['an SVG with script', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>')],
      ['a PDF', () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')],
      ['a Windows executable', () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)])],
      ['a GIF (an image, but not one we take)', gif],
    ];

    it.each(disguised)('%s disguised as image/jpeg → 415', async (_name, make) => {
      const before = await storedState(t);
      const response = await upload(t, zhang.token, { bytes: await make(), filename: 'photo.jpg', contentType: 'image/jpeg' });
      expect(response.status).toBe(415);
      expect(errorBodySchema.parse(response.body).error).toMatchObject({ code: 'UNSUPPORTED_IMAGE_TYPE', message: '仅支持 JPG、PNG、WebP 格式的图片' });
      expect(await storedState(t)).toEqual(before);
    });

    it('a JPEG header over bytes that do not decode → 400', async () => {
      const before = await storedState(t);
      const broken = Buffer.concat([(await jpegWithExif()).subarray(0, 300), Buffer.alloc(500, 7)]);
      const response = await upload(t, zhang.token, { bytes: broken, filename: 'photo.jpg', contentType: 'image/jpeg' });
      expect(response.status).toBe(400);
      expect(errorBodySchema.parse(response.body).error.code).toBe('INVALID_IMAGE');
      expect(await storedState(t)).toEqual(before);
    });

    it('a decompression bomb → 400 before it is decoded', async () => {
      const before = await storedState(t);
      const response = await upload(t, zhang.token, { bytes: await pixelBomb(), filename: 'bomb.png', contentType: 'image/png' });
      expect(response.status).toBe(400);
      expect(errorBodySchema.parse(response.body).error).toMatchObject({ code: 'INVALID_IMAGE', message: '图片像素过大，请压缩后再上传' });
      expect(await storedState(t)).toEqual(before);
    });

    it('an image over 5 MB → 413', async () => {
      const before = await storedState(t);
      const tooBig = Buffer.concat([(await jpegWithExif()).subarray(0, 2), Buffer.alloc(5 * 1024 * 1024 + 10, 1)]);
      const response = await upload(t, zhang.token, { bytes: tooBig, filename: 'big.jpg', contentType: 'image/jpeg' });
      expect(response.status).toBe(413);
      expect(errorBodySchema.parse(response.body).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '图片不能超过 5MB，请压缩后重试' });
      expect(await storedState(t)).toEqual(before);
    });

    it('a body declared far over the limit → 413 without reading it', async () => {
      const before = await storedState(t);
      const response = await upload(t, zhang.token, { bytes: Buffer.alloc(9 * 1024 * 1024, 1), filename: 'huge.jpg', contentType: 'image/jpeg' });
      expect(response.status).toBe(413);
      expect(errorBodySchema.parse(response.body).error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await storedState(t)).toEqual(before);
    });

    it('no login → 401', async () => {
      const before = await storedState(t);
      const response = await upload(t, null, { bytes: await png(), filename: 'a.png', contentType: 'image/png' });
      expect(response.status).toBe(401);
      expect(errorBodySchema.parse(response.body).error.code).toBe('UNAUTHENTICATED');
      expect(await storedState(t)).toEqual(before);
    });

    it('not multipart, no file part, two files, or an unknown purpose → 4xx', async () => {
      const before = await storedState(t);
      const json = await request(t.app.callback()).post('/files/images').set('Authorization', `Bearer ${zhang.token}`).send({ file: 'x' });
      expect(json.status).toBe(415);
      expect(errorBodySchema.parse(json.body).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      // Said plainly for a resident, without the name of the encoding.
      expect(errorBodySchema.parse(json.body).error.message).toBe('上传方式不正确，请在小程序内选择图片上传');
      const raw = await request(t.app.callback()).post('/files/images').set('Authorization', `Bearer ${zhang.token}`).set('Content-Type', 'image/png').send(await png());
      expect(raw.status).toBe(415);
      expect(errorBodySchema.parse(raw.body).error.message).toBe('上传方式不正确，请在小程序内选择图片上传');

      const noFile = await request(t.app.callback()).post('/files/images').set('Authorization', `Bearer ${zhang.token}`).field('purpose', 'LETTER_IMAGE');
      expect(noFile.status).toBe(400);
      expect(errorBodySchema.parse(noFile.body).error.message).toBe('请选择要上传的图片');

      const image = await png();
      const twoFiles = await upload(t, zhang.token, { bytes: image, filename: 'a.png', contentType: 'image/png' }).attach('file', image, { filename: 'b.png', contentType: 'image/png' });
      expect(twoFiles.status).toBe(400);
      expect(errorBodySchema.parse(twoFiles.body).error.message).toBe('一次只能上传一张图片');

      const badPurpose = await upload(t, zhang.token, { bytes: image, filename: 'a.png', contentType: 'image/png' }, { purpose: 'AVATAR' });
      expect(badPurpose.status).toBe(400);
      expect(errorBodySchema.parse(badPurpose.body).error.code).toBe('VALIDATION_FAILED');
      expect(await storedState(t)).toEqual(before);
    });

    it(`more than ${rateLimitPolicies.imageUpload.points} uploads an hour → 429`, async () => {
      const wang = await loginAs(t, 'resident-wang');
      const image = await png(2, 2);
      for (let index = 0; index < rateLimitPolicies.imageUpload.points; index += 1) {
        expect((await upload(t, wang.token, { bytes: image, filename: 'a.png', contentType: 'image/png' })).status).toBe(201);
      }
      const before = await storedState(t);
      const limited = await upload(t, wang.token, { bytes: image, filename: 'a.png', contentType: 'image/png' });
      expect(limited.status).toBe(429);
      expect(errorBodySchema.parse(limited.body).error).toMatchObject({ code: 'RATE_LIMITED', message: '上传图片过于频繁，请稍后再试' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(await storedState(t)).toEqual(before);
      // The budget is per user: someone else uploads as usual.
      expect((await upload(t, zhang.token, { bytes: image, filename: 'a.png', contentType: 'image/png' })).status).toBe(201);
    });
  });
});
