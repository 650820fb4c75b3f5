import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { guideErrorReportViewSchema, guideSearchResponseSchema } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { loginAs } from '../support/factories';
import { ensureDemoSeeded } from '../support/seeded';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { launchChromium, waitForPageSettled, waitForText } from '../support/h5';

/**
 * Issue #4, the staff and admin side, through the built H5 app in real Chromium against the real
 * stack: 司法局's handler answers a resident's 纠错 in 指南纠错处理, and the admin edits a guide's
 * 咨询电话 in 办事指南管理 (a new version residents see), then takes it down (gone from search).
 */
const distDir = path.resolve(__dirname, '../../miniprogram/dist/h5');
const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? tmpdir();
const justiceBureau = '清江市司法局';

jest.setTimeout(150_000);

let site: StaticServer;
let stack: WechatTestApp;
let bff: Server;
let bffUrl: string;
let browser: Browser;
let editedCode: string | null = null;

beforeAll(async () => {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`H5 build missing at ${distDir}: run "npm run build:h5 -w miniprogram" first (npm test builds before jest).`);
  }
  site = await serveStatic({ dir: distDir });
  stack = await createWechatTestApp({ H5_ORIGIN: site.url });
  await ensureDemoSeeded(stack.prisma);
  bff = createServer(stack.app.callback());
  await new Promise<void>((resolve) => bff.listen(0, '127.0.0.1', resolve));
  bffUrl = `http://127.0.0.1:${(bff.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  // Later suites on this worker's database expect every seeded guide to be published.
  if (editedCode && stack) await stack.prisma.serviceItem.update({ where: { code: editedCode }, data: { status: 'PUBLISHED' } });
  await browser?.close();
  bff?.closeAllConnections();
  await new Promise<void>((resolve) => (bff ? bff.close(() => resolve()) : resolve()));
  await stack?.close();
  await site?.close();
});

const api = () => request(stack.app.callback());

type Session = { context: BrowserContext; page: Page; pageErrors: Error[] };

/** A browser with the runtime endpoints injected, signed in as a demo persona. */
async function signedInAs(personaKey: string, viewport = { width: 390, height: 844 }): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const config = { apiBase: bffUrl, fakeWechatUrl: stack.fake.url };
  await context.addInitScript({ content: `window.__GOVPOCKET_CONFIG__ = ${JSON.stringify(config)};` });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(`${site.url}/#/pages/login/index`);
  await waitForPageSettled(page, '#page-login');
  await page.locator(`#persona-${personaKey}`).click();
  await waitForPageSettled(page, '#page-mine');
  await page.locator('#mine-signed-in').waitFor({ state: 'visible' });
  return { context, page, pageErrors };
}

async function openPage(page: Page, hashPath: string, rootSelector: string): Promise<void> {
  await page.goto(`${site.url}/#${hashPath}`);
  await waitForPageSettled(page, rootSelector);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `staff-guides-${name}.png`), fullPage: true });
}

test('司法局 handler answers a resident 纠错 in 指南纠错处理 and the resident gets a message', async () => {
  const guide = await stack.prisma.serviceItem.findFirstOrThrow({ where: { department: { name: justiceBureau }, status: 'PUBLISHED' }, orderBy: { code: 'asc' }, select: { code: true, name: true } });
  const resident = await loginAs(stack);
  const content = `材料清单中的复印件份数与窗口要求不一致，请核实。${Date.now()}`;
  const filed = await api().post(`/guides/${guide.code}/error-reports`).set(resident.auth).send({ category: 'MATERIALS', content });
  expect(filed.status).toBe(201);
  const report = guideErrorReportViewSchema.parse(filed.body);

  const { context, page, pageErrors } = await signedInAs('handler-sifa');
  await openPage(page, '/staff/index/index', '#page-staff-home');
  await page.locator('#staff-entries-department_handler').getByText('指南纠错处理').click();
  await waitForPageSettled(page, '#page-staff-guide-errors');
  await page.locator('#guide-errors-list').waitFor({ state: 'visible' });
  const card = page.locator('#guide-errors-list .gp-card', { hasText: content });
  await expect(card.innerText()).resolves.toContain(guide.name);
  await expect(card.innerText()).resolves.toContain('申请材料');

  // Too short: refused on the page, nothing sent.
  await card.locator('textarea').fill('好');
  await card.locator('[id$="-submit"]').click();
  await expect(card.locator('.gp-error').innerText()).resolves.toContain('2至1000');
  await shoot(page, 'handler-pending');

  const answer = '感谢反馈，已按窗口要求更正材料份数。';
  await card.locator('textarea').fill(answer);
  await card.locator('[id$="-submit"]').click();
  await page.locator('#guide-errors-list .gp-card', { hasText: content }).waitFor({ state: 'detached' });
  await page.locator('#guide-errors-tabs-ANSWERED').click();
  await waitForText(page, '#guide-errors-list', answer);
  await shoot(page, 'handler-answered');

  const stored = await stack.prisma.guideErrorReport.findUniqueOrThrow({ where: { id: report.id }, select: { status: true, answer: true } });
  expect(stored).toEqual({ status: 'ANSWERED', answer });
  const message = await stack.prisma.notification.findFirstOrThrow({ where: { userId: resident.userId, eventType: 'GUIDE_ERROR_ANSWERED' } });
  expect(message.body).toContain(guide.name);
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('the admin edits a guide’s 咨询电话 (a new version residents see) and takes it down (gone from search)', async () => {
  const guide = await stack.prisma.serviceItem.findFirstOrThrow({ where: { department: { name: justiceBureau }, status: 'PUBLISHED' }, orderBy: { code: 'desc' }, select: { code: true, name: true, currentVersion: true } });
  editedCode = guide.code;
  const { context, page, pageErrors } = await signedInAs('admin-wu', { width: 1280, height: 900 });
  await openPage(page, '/admin/index/index', '#page-admin-home');
  await page.locator('#admin-areas').getByText('办事指南', { exact: true }).click();
  await waitForPageSettled(page, '#page-admin-guides');
  await page.locator('#admin-guides-list .gp-card').first().waitFor({ state: 'visible' });
  await page.locator('#admin-guides-departments').getByText(justiceBureau).click();
  const row = page.locator(`#admin-guides-list [data-code="${guide.code}"]`);
  await waitForText(page, `#admin-guides-list [data-code="${guide.code}"]`, `第${guide.currentVersion}版`);
  await expect(row.innerText()).resolves.toContain('已发布');
  await shoot(page, 'admin-list');

  await row.locator('[id$="-edit"]').click();
  await waitForPageSettled(page, '#page-admin-guide-edit');
  await page.locator('#guide-hours input').waitFor({ state: 'visible' });
  // The BFF's validation message appears next to the field it names (details path "name").
  await page.locator('#guide-name input').fill('办');
  await page.locator('#guide-edit-save').click();
  await waitForText(page, '#guide-name-field', '请填写事项名称');
  await page.locator('#guide-name input').fill(guide.name);
  // (办理时间 residents see comes from the halls' schedules, so the edit shown here is the phone.)
  const consultPhone = `0576-8800${String(Date.now() % 10_000).padStart(4, '0')}`;
  await page.locator('#guide-consult-phone input').fill(consultPhone);
  await page.locator('#guide-change-note input').fill('调整咨询电话');
  await page.locator('#guide-edit-save').click();
  await waitForText(page, '#guide-edit-saved', `第${guide.currentVersion + 1}版`);
  await shoot(page, 'admin-saved');

  // Residents see the new phone and version.
  await openPage(page, `/pages/guide-detail/index?code=${encodeURIComponent(guide.code)}`, '#page-guide-detail');
  await waitForText(page, '#page-guide-detail', consultPhone);
  await waitForText(page, '#guide-revision', `第${guide.currentVersion + 1}版`);

  // 下架 from the list: the guide leaves search.
  const searchHits = async () => guideSearchResponseSchema.parse((await api().get('/guide-search').query({ q: guide.name })).body).items.map((hit) => hit.code);
  await expect(searchHits()).resolves.toContain(guide.code);
  await openPage(page, '/admin/guides/index', '#page-admin-guides');
  await page.locator('#admin-guides-departments').getByText(justiceBureau).click();
  await row.waitFor({ state: 'visible' });
  await expect(row.locator('[id$="-toggle"]').innerText()).resolves.toContain('下架');
  await row.locator('[id$="-toggle"]').click();
  await waitForText(page, `#admin-guides-list [data-code="${guide.code}"]`, '未发布');
  await expect(searchHits()).resolves.not.toContain(guide.code);
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('the admin checks a catalogue file in 批量导入 (a dry run) and imports it', async () => {
  const { context, page, pageErrors } = await signedInAs('admin-wu', { width: 1280, height: 900 });
  const storage = await context.storageState();
  const token = storage.origins.flatMap((origin) => origin.localStorage).map((entry) => /"token":"([^"]+)"/.exec(entry.value)?.[1]).find(Boolean);
  expect(token).toBeTruthy();
  const justice = await stack.prisma.department.findUniqueOrThrow({ where: { name: justiceBureau }, select: { id: true } });
  const exported = await api().get('/admin/guides/export.csv').query({ departmentId: justice.id }).set({ Authorization: `Bearer ${token ?? ''}` }).buffer(true);
  expect(exported.status).toBe(200);
  const csv = Buffer.from(exported.text, 'utf8');

  await openPage(page, '/admin/guide-import/index', '#page-admin-guide-import');
  await page.locator('#guide-import-file').setInputFiles({ name: 'guides.csv', mimeType: 'text/csv', buffer: csv });
  await page.locator('#guide-import-check').click();
  await waitForText(page, '#guide-import-check-result', /无变化 \d+ 项/);
  await page.locator('#guide-import-confirm').click();
  await waitForText(page, '#guide-import-result', /新增 0 项/);
  await shoot(page, 'admin-import');

  // A broken line is refused with its line number, and nothing is written.
  const broken = Buffer.from(`${exported.text.trimEnd()}\nBAD-CODE,坏的一行\n`, 'utf8');
  await page.locator('#guide-import-file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: broken });
  await page.locator('#guide-import-check').click();
  await waitForText(page, '#guide-import-check-result', /第\d+行/);
  expect(pageErrors).toEqual([]);
  await context.close();
});
