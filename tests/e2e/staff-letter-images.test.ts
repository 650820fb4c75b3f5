import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { FakeWechat } from '@govpocket/fake-wechat';
import { findDemoPersona } from '@govpocket/shared';
import type { PrismaClient } from '@govpocket/db';
import type { StaticServer } from '../../scripts/static-server';
import { startJourneyStack, type JourneyStack } from '../support/journey-stack';
import { openAppPage, openPhoneApp, signInAsPersona, waitForText } from '../support/h5';

/**
 * Issue #13: the office's letter screen shows the resident's images, each with the verdict of
 * WeChat's media check as a coloured chip (检测中 / 检测通过 / 待人工复核 / 疑似违规), the risky one
 * blurred. The images are attached to a seeded letter of 刘洋's office with the three states.
 */

jest.setTimeout(120_000);

let stack: JourneyStack;
let web: StaticServer;
let fake: FakeWechat;
let prisma: PrismaClient;
let bff: JourneyStack['bff'];
let browser: Browser;

beforeAll(async () => {
  stack = await startJourneyStack();
  ({ web, fake, prisma, bff, browser } = stack);
}, 120_000);

afterAll(async () => {
  await stack?.close();
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
