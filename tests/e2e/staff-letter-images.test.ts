import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type Redis from 'ioredis';
import type { Browser } from 'playwright-core';
import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { findDemoPersona, miniProgramPages } from '@govpocket/shared';
import { createPrismaClient, type PrismaClient } from '@govpocket/db';
import { createApp, type App } from '../../bff/src/app';
import { loadConfig } from '../../bff/src/config';
import { createLogger } from '../../bff/src/platform/logger';
import { connectRedis } from '../../bff/src/platform/redis';
import { serve, type RunningServer } from '../../bff/src/platform/server';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { ensureDemoSeeded } from '../support/seeded';
import { launchChromium, openAppPage, openPhoneApp, signInAsPersona, waitForText } from '../support/h5';

/**
 * Issue #13: the office's letter screen shows the resident's images, each with the verdict of
 * WeChat's media check as a coloured chip (检测中 / 检测通过 / 待人工复核 / 疑似违规), the risky one
 * blurred. The images are attached to a seeded letter of 刘洋's office with the three states.
 */
const distDir = path.resolve(__dirname, '../../miniprogram/dist/h5');

jest.setTimeout(120_000);

let web: StaticServer;
let fake: FakeWechat;
let prisma: PrismaClient;
let redis: Redis;
let app: App;
let bff: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`H5 build missing at ${distDir}: run "npm run build:h5 -w miniprogram" first (npm test builds before jest).`);
  }
  web = await serveStatic({ dir: distDir });
  fake = await startFakeWechat({ pages: [...miniProgramPages] });
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', H5_ORIGIN: web.url, WECHAT_API_BASE: fake.url, WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHATPAY_API_BASE: fake.url });
  const logger = createLogger({ level: 'silent' });
  prisma = createPrismaClient(config.DATABASE_URL, { connectionLimit: 4 });
  redis = await connectRedis(config.REDIS_URL);
  app = createApp({ config, logger, prisma, redis });
  bff = await serve({ app, host: '127.0.0.1', port: 0, logger, shutdownTimeoutMs: 2_000 });
  await ensureDemoSeeded(prisma);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await bff?.shutdown();
  await app?.close();
  await prisma?.$disconnect();
  redis?.disconnect();
  await fake?.close();
  await web?.close();
});

/** A seeded letter of 刘洋's office with three images: checked and passed, judged risky, still being checked. */
async function letterWithImages(): Promise<string> {
  const openid = findDemoPersona('office-liu')?.openid ?? '';
  const office = await prisma.roleAssignment.findFirstOrThrow({ where: { role: 'MAILBOX_OFFICE', staffAccount: { user: { openid } } }, select: { departmentId: true } });
  const letter = await prisma.letter.findFirstOrThrow({ where: { ownerDepartmentId: office.departmentId ?? '' }, select: { id: true, residentId: true }, orderBy: { submittedAt: 'desc' } });
  const statuses = ['PASS', 'RISKY', 'PENDING'] as const;
  for (const [index, checkStatus] of statuses.entries()) {
    const file = await prisma.uploadedFile.create({
      data: { ownerId: letter.residentId, purpose: 'LETTER_IMAGE', storageKey: `e2e/${randomUUID()}.png`, sha256: 'b'.repeat(64), contentType: 'image/png', sizeBytes: 100, width: 8, height: 6 },
      select: { id: true },
    });
    await prisma.letterAttachment.create({
      data: { letterId: letter.id, sortOrder: 90 + index, uploadedFileId: file.id, url: `/files/${file.id}`, storageKey: `e2e/${file.id}.png`, mimeType: 'image/png', sizeBytes: 100, checkStatus, checkedAt: checkStatus === 'PENDING' ? null : new Date() },
    });
  }
  return letter.id;
}

test('the office sees each image of a letter with its check status; the risky one is blurred', async () => {
  const letterId = await letterWithImages();
  const office = await openPhoneApp(browser, { apiBase: bff.url, fakeWechatUrl: fake.url, url: `${web.url}/#/pages/index/index` });
  await signInAsPersona(office.page, web.url, 'office-liu');
  await openAppPage(office.page, web.url, `/staff/letter/index?id=${letterId}`, '#page-staff-letter');
  const chips = office.page.locator('#staff-letter-images [id$="-check"]');
  await chips.first().waitFor({ state: 'visible' });
  const texts = (await chips.allInnerTexts()).map((text) => text.trim());
  expect(texts.slice(-3)).toEqual(['检测通过', '疑似违规', '检测中']);
  const count = texts.length;
  await waitForText(office.page, `#staff-letter-image-${count - 2}-check`, '疑似违规');
  await expect(office.page.locator(`#staff-letter-image-${count - 2} .media-check__image--risky`).count()).resolves.toBe(1);
  await expect(office.page.locator(`#staff-letter-image-${count - 3} .media-check__image--risky`).count()).resolves.toBe(0);
  expect(office.pageErrors).toEqual([]);
});
