import ExcelJS from 'exceljs';
import { unzipSync, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';
import request from 'supertest';
import { errorBodySchema } from '@govpocket/shared';
import { repackZipWithinLimits } from '../../bff/src/platform/bounded-unzip';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, type LoggedIn } from '../support/factories';

/**
 * A crafted XLSX cannot exhaust memory: the import inflates it itself, counting the bytes that
 * really come out (not the sizes the archive declares), and refuses it past the limit.
 */
let t: WechatTestApp;
let admin: LoggedIn;

beforeAll(async () => {
  t = await createWechatTestApp();
  admin = await createStaff(t, [{ role: 'ADMIN' }]);
});
afterAll(async () => {
  await t.close();
});

const messages = { tooLarge: '过大', corrupt: '损坏' };

async function smallWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('办事指南').addRow(['事项编码', '事项名称']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Overwrites the uncompressed size every local and central header declares: the archive lies. */
function lieAboutSizes(zip: Uint8Array, declared: number): Buffer {
  const bytes = Buffer.from(zip);
  for (let offset = 0; offset + 4 <= bytes.length; offset += 1) {
    const signature = bytes.readUInt32LE(offset);
    if (signature === 0x04034b50) bytes.writeUInt32LE(declared, offset + 22);
    if (signature === 0x02014b50) bytes.writeUInt32LE(declared, offset + 24);
  }
  return bytes;
}

/**
 * A real workbook whose sheet XML is replaced by 256 MiB of zeros, compressed to about 256 KB. Built
 * by streaming one zero chunk, so the test itself never holds them.
 */
async function zipBomb(): Promise<Buffer> {
  const entries = unzipSync(await smallWorkbook());
  const parts: Uint8Array[] = [];
  await new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      parts.push(chunk);
      if (final) resolve();
    });
    for (const [name, data] of Object.entries(entries)) {
      if (name === 'xl/worksheets/sheet1.xml') continue;
      const entry = new ZipDeflate(name, { level: 9 });
      zip.add(entry);
      entry.push(data, true);
    }
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
    zip.add(sheet);
    const zeros = new Uint8Array(1024 * 1024);
    for (let mebibyte = 0; mebibyte < 256; mebibyte += 1) sheet.push(zeros, mebibyte === 255);
    zip.end();
  });
  return lieAboutSizes(Buffer.concat(parts), 1000);
}

describe('XLSX import against zip bombs', () => {
  it('refuses a 256 MiB-of-zeros sheet that declares 1 KB with a clear 413, memory staying bounded', async () => {
    const bomb = await zipBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage();
    const response = await request(t.app.callback())
      .post('/admin/guides/import')
      .set(admin.auth)
      .attach('file', bomb, { filename: '办事指南.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const after = process.memoryUsage();
    expect(response.status).toBe(413);
    expect(errorBodySchema.parse(response.body).error.message).toBe('XLSX 文件内容过大，请拆分后分批导入');
    // The limit is 32 MB of inflated content; counting keeps none of it, so far less is ever held.
    // The process as a whole (inflate buffers not yet collected) stays well under what the sheet would inflate to.
    expect(after.heapUsed - before.heapUsed).toBeLessThan(48 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(64 * 1024 * 1024);
  });

  it('counts real inflated bytes and entries whatever the headers declare; a sound workbook passes whole', async () => {
    const limits = { maxUnzippedBytes: 1024 * 1024, maxEntries: 50 };
    const inflating = lieAboutSizes(zipSync({ 'a.xml': [new Uint8Array(2 * 1024 * 1024), { level: 9 }] }), 10);
    expect(() => repackZipWithinLimits(inflating, limits, messages)).toThrow('过大');

    const many: Zippable = {};
    for (let index = 0; index < 51; index += 1) many[`part${index}.xml`] = new Uint8Array(10);
    expect(() => repackZipWithinLimits(zipSync(many), limits, messages)).toThrow('过大');

    const truncated = (await smallWorkbook()).subarray(0, 200);
    expect(() => repackZipWithinLimits(truncated, limits, messages)).toThrow('损坏');

    const sound = await smallWorkbook();
    const repacked = unzipSync(repackZipWithinLimits(sound, limits, messages));
    // Directory entries carry nothing and are left out.
    const original = Object.fromEntries(Object.entries(unzipSync(sound)).filter(([name]) => !name.endsWith('/')));
    expect(Object.keys(repacked).sort()).toEqual(Object.keys(original).sort());
    for (const [name, data] of Object.entries(original)) expect(Buffer.from(repacked[name] ?? []).equals(Buffer.from(data))).toBe(true);
  });
});
