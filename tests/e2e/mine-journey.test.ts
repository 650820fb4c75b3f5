import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { findDemoPersona } from '@govpocket/shared';
import { createLogger } from '../../bff/src/platform/logger';
import { serve, type RunningServer } from '../../bff/src/platform/server';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { ensureDemoSeeded } from '../support/seeded';
import { launchChromium, openPhoneApp, waitForPageSettled, type OpenedApp } from '../support/h5';
import { eventually } from '../support/eventually';

/**
 * 我的 against the real stack: the built H5 app in Chromium, the real BFF over HTTP on this
 * worker's seeded MySQL, and the fake WeChat. A resident signs in as a demo persona, agrees to the
 * privacy guide, binds the phone, reads a message and switches on 长辈版, which survives a reload.
 */
const distDir = path.resolve(__dirname, '../../miniprogram/dist/h5');
const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? tmpdir();
const personaKey = 'resident-zhang';
const secondPersonaKey = 'resident-li';

jest.setTimeout(120_000);

let web: StaticServer;
let stack: WechatTestApp;
let bff: RunningServer;
let browser: Browser;
let residentId: string;

/** Unread messages for the journey, newest first: one without a page, one pointing at 互动. */
const journeyMessages = [
  { id: 'e2emine0000000000000000001', title: '预约办理成功', body: '您已成功预约清江市民中心“护照首次申领”，请按时到场。', link: null, minutesAgo: 5 },
  { id: 'e2emine0000000000000000002', title: '您的来信已受理', body: '您的来信已受理，查询码 QJE2E0001。', link: '/pages/interact/index', minutesAgo: 90 },
] as const;

beforeAll(async () => {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`H5 build missing at ${distDir}: run "npm run build:h5 -w miniprogram" first (npm test builds before jest).`);
  }

  // The BFF's CORS answers one origin only: the static server's, so it starts first.
  web = await serveStatic({ dir: distDir });
  stack = await createWechatTestApp({ H5_ORIGIN: web.url });
  bff = await serve({ app: stack.app, host: '127.0.0.1', port: 0, logger: createLogger({ level: 'silent' }), shutdownTimeoutMs: 2_000 });
  await ensureDemoSeeded(stack.prisma);

  residentId = await resetResident(personaKey);
  await resetResident(secondPersonaKey);
  await stack.prisma.notification.deleteMany({ where: { id: { in: journeyMessages.map((message) => message.id) } } });
  // Other suites on this database may have left messages for the persona: the inbox holds only ours.
  await stack.prisma.notification.deleteMany({ where: { userId: residentId } });
  await stack.prisma.notification.createMany({
    data: journeyMessages.map((message) => ({
      id: message.id,
      userId: residentId,
      eventType: message.link ? 'LETTER_ACCEPTED' : 'BOOKING_CONFIRMED',
      title: message.title,
      body: message.body,
      link: message.link,
      createdAt: new Date(Date.now() - message.minutesAgo * 60_000),
    })),
  });

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await bff?.shutdown();
  await stack?.close();
  await web?.close();
});

/**
 * Other suites on this worker may have used the persona: start from a resident who has agreed to
 * nothing, bound no phone and reads normal type.
 */
async function resetResident(key: string): Promise<string> {
  const persona = findDemoPersona(key);
  if (!persona) throw new Error(`demo persona ${key} is missing`);
  const { id } = await stack.prisma.user.findUniqueOrThrow({ where: { openid: persona.openid }, select: { id: true } });
  await stack.prisma.privacyConsent.deleteMany({ where: { userId: id } });
  await stack.prisma.user.update({ where: { id }, data: { phoneEncrypted: null, phoneHash: null, phoneBoundAt: null, isElderMode: false } });
  return id;
}


/** A phone-sized page whose bundle is pointed at this test's BFF and fake WeChat before it loads. */
const openApp = (hashPath: string): Promise<OpenedApp> =>
  openPhoneApp(browser, { apiBase: bff.url, fakeWechatUrl: stack.fake.url, url: `${web.url}/#${hashPath}`, contextOptions: { acceptDownloads: true } });

/** Waits until the element's whole text is `text` (pages update after their requests answer). */
async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.locator(selector).filter({ hasText: new RegExp(`^\\s*${escaped}\\s*$`) }).first().waitFor({ state: 'visible', timeout: 10_000 });
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type ComputedText = { fontSize: number; lineHeight: number };

/** Computed font size and line height in CSS px (the tests' tsconfig has no DOM lib: a string runs in the page). */
async function computedText(page: Page, selector: string): Promise<ComputedText> {
  await page.locator(selector).first().waitFor({ state: 'visible' });
  const [fontSize, lineHeight] = await page.evaluate<[number, number]>(
    `(() => { const style = getComputedStyle(document.querySelector(${JSON.stringify(selector)})); return [parseFloat(style.fontSize), parseFloat(style.lineHeight)]; })()`,
  );
  return { fontSize, lineHeight };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `mine-journey-${name}.png`) });
}

const personalTitle = '#menu-messages .gp-menu__title';

test('a resident agrees to the privacy guide, binds the phone, reads a message and keeps 长辈版 across a reload', async () => {
  const { context, page, pageErrors } = await openApp('/pages/login/index');
  await waitForPageSettled(page, '#page-login');
  await page.locator(`#persona-${personaKey}`).click();
  await waitForPageSettled(page, '#page-mine');
  await expect(page.locator('#mine-signed-in').innerText()).resolves.toContain('张晓明');
  await expect(page.locator('#mine-phone').innerText()).resolves.toBe('未绑定');
  await expect(page.locator('#menu-messages-badge').innerText()).resolves.toBe('2');

  // The guide is a page of its own, reachable from 我的.
  await page.locator('#menu-privacy').click();
  await waitForPageSettled(page, '#page-privacy');
  await expect(page.locator('#privacy-version').innerText()).resolves.toContain('2026.11');
  await expect(page.locator('#page-privacy').innerText()).resolves.toMatch(/手机号[\s\S]*加密存储[\s\S]*注销账号[\s\S]*清江市人民政府办公室/);
  await screenshot(page, 'privacy-guide');
  await page.goBack();
  await waitForPageSettled(page, '#page-mine');

  // Binding the phone asks for consent first; agreeing records it and the binding goes on.
  await page.locator('#mine-bind-phone').click();
  await page.locator('#privacy-sheet').waitFor({ state: 'visible' });
  await expect(page.locator('#privacy-sheet').innerText()).resolves.toContain('隐私保护指引');
  await screenshot(page, 'privacy-sheet');
  await page.locator('#privacy-agree').click();
  await waitForText(page, '#mine-phone', '138****0001');
  await expect(page.locator('#privacy-sheet').count()).resolves.toBe(0);
  const consents = await stack.prisma.privacyConsent.findMany({ where: { userId: residentId }, select: { kind: true, version: true } });
  expect(consents).toEqual(expect.arrayContaining([{ kind: 'PRIVACY_POLICY', version: '2026.11' }, { kind: 'PHONE_NUMBER', version: '2026.11' }]));
  await screenshot(page, 'phone-bound');

  // 消息中心: newest first, unread in bold with a dot; opening one marks it read.
  await page.locator('#menu-messages').click();
  await waitForPageSettled(page, '#page-messages');
  await waitForText(page, '#messages-unread-count', '2 条未读');
  const titles = await page.locator('#messages-list .messages__title').allInnerTexts();
  expect(titles.slice(0, 2)).toEqual([journeyMessages[0].title, journeyMessages[1].title]);
  const firstMessage = page.locator(`#message-${journeyMessages[0].id}`);
  await expect(firstMessage.getAttribute('class')).resolves.toContain('messages__item--unread');
  await screenshot(page, 'messages');
  await firstMessage.click();
  await waitForText(page, '#messages-unread-count', '1 条未读');
  await expect(firstMessage.getAttribute('class')).resolves.not.toContain('messages__item--unread');
  // The page marks it read at once; the request behind it may still be on its way.
  const stored = await eventually(
    () => stack.prisma.notification.findUniqueOrThrow({ where: { id: journeyMessages[0].id }, select: { readAt: true } }),
    (row) => row.readAt !== null,
  );
  expect(stored.readAt).not.toBeNull();

  await page.goBack();
  await waitForPageSettled(page, '#page-mine');
  await waitForText(page, '#menu-messages-badge', '1');

  // 长辈版: larger type and line height at once, pop-ups become inline notices.
  const normal = await computedText(page, personalTitle);
  const normalPage = await computedText(page, '#page-mine');
  await page.locator('#mine-elder-switch').click();
  await page.locator('#page-mine.gp-elder').waitFor({ state: 'visible' });
  const elder = await computedText(page, personalTitle);
  const elderPage = await computedText(page, '#page-mine');
  expect(elder.fontSize / normal.fontSize).toBeGreaterThanOrEqual(1.25);
  // Line height grows 1.3× relative to the type (and so ≥ 1.6× in pixels).
  expect(elderPage.lineHeight / elderPage.fontSize / (normalPage.lineHeight / normalPage.fontSize)).toBeGreaterThanOrEqual(1.29);
  await screenshot(page, 'elder-mode');
  // 我的留言 opens the resident's letters (no "coming soon" anywhere a resident can tap).
  await page.locator('#menu-my-letters').click();
  await waitForPageSettled(page, '#page-my-letters');
  await page.goBack();
  await waitForPageSettled(page, '#page-mine');
  await until(async () => (await stack.prisma.user.findUniqueOrThrow({ where: { id: residentId }, select: { isElderMode: true } })).isElderMode);

  // Remembered per user at the BFF: with the device's copy gone, the profile brings it back.
  await page.evaluate("localStorage.removeItem('govpocket.preferences')");
  await page.reload();
  await waitForPageSettled(page, '#page-mine');
  await page.locator('#page-mine.gp-elder').waitFor({ state: 'visible' });
  // After a reload the root font size (rem) settles a moment after the page shows: wait for it.
  await until(async () => Math.abs((await computedText(page, personalTitle)).fontSize - elder.fontSize) < 0.05);
  await waitForText(page, '#mine-phone', '138****0001');
  await screenshot(page, 'elder-after-reload');

  // 我的数据 downloads the export and explains deletion before allowing it.
  await page.locator('#menu-my-data').click();
  await waitForPageSettled(page, '#page-my-data');
  const downloading = page.waitForEvent('download');
  await page.locator('#my-data-export-button').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('govpocket-my-data.json');
  const exported: unknown = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(exported).toMatchObject({ id: residentId, phone: '13857610001', isElderMode: true });
  await expect(page.locator('#my-data-summary').innerText()).resolves.toContain('手机号：已包含');
  await expect(page.locator('#my-data-delete').innerText()).resolves.toMatch(/将被删除[\s\S]*匿名化保留/);
  await expect(page.locator('#my-data-delete-button').getAttribute('class')).resolves.toContain('disabled');
  await screenshot(page, 'my-data');

  expect(pageErrors).toEqual([]);
  await context.close();
});

test('the consent sheet opens the full guide, and agreeing there finishes the phone binding', async () => {
  const { context, page, pageErrors } = await openApp('/pages/login/index');
  await waitForPageSettled(page, '#page-login');
  await page.locator(`#persona-${secondPersonaKey}`).click();
  await waitForPageSettled(page, '#page-mine');

  await page.locator('#mine-bind-phone').click();
  // H5 keeps the login page (and its own sheet) in the DOM behind 我的: use the sheet on 我的.
  await page.locator('#page-mine #privacy-sheet-guide').click();
  await waitForPageSettled(page, '#page-privacy');
  // The guide asks under its full text instead of covering it with the sheet.
  await expect(page.locator('#privacy-sheet:visible').count()).resolves.toBe(0);
  await page.locator('#privacy-answer:visible').scrollIntoViewIfNeeded();
  await screenshot(page, 'privacy-guide-asking');
  await page.locator('#privacy-agree:visible').click();

  await waitForPageSettled(page, '#page-mine');
  await waitForText(page, '#mine-phone', '138****0002');
  await expect(page.locator('#privacy-sheet:visible').count()).resolves.toBe(0);

  // The guide now shows when this version was agreed, and asks no more. (The earlier guide page may
  // still be in the H5 page stack, hidden: look at the visible one.)
  await page.locator('#menu-privacy').click();
  await waitForPageSettled(page, '#page-privacy:visible');
  await expect(page.locator('#privacy-consent-line:visible').innerText()).resolves.toMatch(/^您已于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 同意本版本$/);
  await expect(page.locator('#privacy-answer:visible').count()).resolves.toBe(0);

  expect(pageErrors).toEqual([]);
  await context.close();
});
