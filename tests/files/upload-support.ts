import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { wechatLoginResponseSchema } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';

/** The real app with uploads in a throwaway directory, plus the few things every files suite needs. */
export type FilesTestApp = WechatTestApp & { uploadDir: string };

export async function createFilesTestApp(env: Record<string, string> = {}): Promise<FilesTestApp> {
  const uploadDir = await mkdtemp(path.join(os.tmpdir(), 'govpocket-uploads-'));
  const t = await createWechatTestApp({ FILE_STORAGE_DIR: uploadDir, ...env });
  return {
    ...t,
    uploadDir,
    close: async () => {
      await t.close();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}

export async function loginAs(t: WechatTestApp, personaKey: string): Promise<{ token: string; userId: string }> {
  const { code } = t.fake.control.mintLoginCode({ personaKey });
  const response = await request(t.app.callback()).post('/auth/wechat').send({ code });
  const body = wechatLoginResponseSchema.parse(response.body);
  return { token: body.token, userId: body.user.id };
}

export type UploadFile = { bytes: Buffer; filename: string; contentType: string };

export function upload(t: WechatTestApp, token: string | null, file: UploadFile, fields: Record<string, string> = {}) {
  const call = request(t.app.callback()).post('/files/images');
  if (token) call.set('Authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(fields)) call.field(name, value);
  return call.attach('file', file.bytes, { filename: file.filename, contentType: file.contentType });
}

/** Rows and files on disk: a refused upload must leave both exactly as they were. */
export async function storedState(t: FilesTestApp): Promise<{ rows: number; files: string[] }> {
  const entries = await readdir(t.uploadDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return { rows: await t.prisma.uploadedFile.count(), files: files.sort() };
}

export async function resetUploadBudget(t: WechatTestApp): Promise<void> {
  const keys = await t.redis.keys(`${t.config.REDIS_KEY_PREFIX}rl:imageUpload*`);
  if (keys.length > 0) await t.redis.del(...keys);
}

// ─── images made in code (no binary fixtures) ───

/** 40×20: left half red, right half blue. With orientation 6 it displays 20×40, red on top. */
export async function jpegWithExif(): Promise<Buffer> {
  const width = 40;
  const height = 20;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) raw[(y * width + x) * 3 + (x < width / 2 ? 0 : 2)] = 255;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Copyright: 'secret-gps', Artist: 'zhang-xiaoming' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1' } })
    .toBuffer();
}

export async function png(width = 8, height = 6): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2a7' } }).png().toBuffer();
}

export async function webp(): Promise<Buffer> {
  return sharp({ create: { width: 12, height: 9, channels: 3, background: '#36c' } }).webp().toBuffer();
}

export async function gif(): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer();
}

export async function pixelsAt(bytes: Buffer, points: Array<[number, number]>): Promise<number[][]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  return points.map(([x, y]) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)]);
}
