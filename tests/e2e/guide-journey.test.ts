import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { demoPersonas } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { ensureDemoSeeded } from '../support/seeded';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { launchChromium, phoneContextOptions, tabItem, waitForPageSettled } from '../support/h5';

/**
 * Issue #4 acceptance: a resident's guide journey through the built H5 app in real Chromium,
 * against the real stack: the BFF on this worker's seeded MySQL database and Redis, the fake
 * WeChat for the persona login, and the H5 bundle pointed at both at runtime
 * (`window.__GOVPOCKET_CONFIG__`, see miniprogram/src/services/env.ts), so nothing depends on the
 * fixed ports of a developer's demo.
 */
const distDir = path.resolve(__dirname, '../../miniprogram/dist/h5');
const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? tmpdir();
// The URLs baked into the build: the journey must not touch them (a demo may be running there).
const bakedApiBase = process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000';
const bakedFakeWechat = process.env.TARO_APP_FAKE_WECHAT_URL ?? 'http://127.0.0.1:9800';
const passport = '普通护照签发';

jest.setTimeout(120_000);

let site: StaticServer;
let stack: WechatTestApp;
let bff: Server;
let bffUrl: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`H5 build missing at ${distDir}: run "npm run build:h5 -w miniprogram" first (npm test builds before jest).`);
  }
  site = await serveStatic({ dir: distDir });
  // CORS answers the static server's origin only, as it answers the demo's in production.
  stack = await createWechatTestApp({ H5_ORIGIN: site.url });
  await ensureDemoSeeded(stack.prisma);
  await forgetResidentZhangsGuides();
  bff = createServer(stack.app.callback());
  await new Promise<void>((resolve) => bff.listen(0, '127.0.0.1', resolve));
  bffUrl = `http://127.0.0.1:${(bff.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  bff?.closeAllConnections();
  await new Promise<void>((resolve) => (bff ? bff.close(() => resolve()) : resolve()));
  await stack?.close();
  await site?.close();
});

type Session = { context: BrowserContext; page: Page; pageErrors: Error[]; bakedRequests: string[] };

/** A phone-sized browser with the runtime endpoints injected before the app's first script. */
async function openApp(hashPath = '/pages/index/index'): Promise<Session> {
  const context = await browser.newContext(phoneContextOptions);
  const config = { apiBase: bffUrl, fakeWechatUrl: stack.fake.url };
  await context.addInitScript({ content: `window.__GOVPOCKET_CONFIG__ = ${JSON.stringify(config)};` });
  const bakedRequests: string[] = [];
  for (const base of [bakedApiBase, bakedFakeWechat]) {
    await context.route(`${base}/**`, (route) => {
      bakedRequests.push(route.request().url());
      return route.abort('connectionrefused');
    });
  }
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(`${site.url}/#${hashPath}`);
  return { context, page, pageErrors, bakedRequests };
}

/** Polls until the locator's text matches (jest has no web-first assertions). */
async function waitForText(locator: Locator, expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.innerText({ timeout: 1_000 }).catch(() => '');
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${String(locator)} to show ${String(expected)}, last saw "${last}"`);
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/**
 * Other suites on this worker's database may have logged in as 张晓明 before: start the journey
 * from a resident with no favourites, ticks or history, in the standard (not 长辈版) layout.
 */
async function forgetResidentZhangsGuides(): Promise<void> {
  const openid = demoPersonas.find((persona) => persona.key === 'resident-zhang')?.openid ?? '';
  const user = await stack.prisma.user.findUnique({ where: { openid }, select: { id: true } });
  if (!user) return;
  await stack.prisma.favourite.deleteMany({ where: { userId: user.id } });
  await stack.prisma.materialChecklist.deleteMany({ where: { userId: user.id } });
  await stack.prisma.recentView.deleteMany({ where: { userId: user.id } });
  await stack.prisma.user.update({ where: { id: user.id }, data: { isElderMode: false } });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `guide-${name}.png`) });
}

async function signInAsResidentZhang(page: Page): Promise<void> {
  await tabItem(page, '我的').click();
  await waitForPageSettled(page, '#page-mine');
  await page.locator('#mine-login').click();
  await waitForPageSettled(page, '#page-login');
  await page.locator('#persona-resident-zhang').click();
  await waitForPageSettled(page, '#page-mine');
  await page.locator('#mine-signed-in').waitFor({ state: 'visible' });
}

test('a resident logs in, finds 普通护照签发 by "hz", ticks materials, favourites it and finds it under 我的收藏', async () => {
  const { context, page, pageErrors, bakedRequests } = await openApp();

  // 首页 from GET /home: hot items with the 最多跑一次 badge and the 一件事 entries.
  await waitForPageSettled(page, '#page-home');
  await page.locator('#home-hot-items .gp-guide-card').first().waitFor({ state: 'visible' });
  await waitForText(page.locator('#home-life-events'), /新生儿出生[\s\S]*开办企业[\s\S]*退休[\s\S]*二手房交易[\s\S]*结婚/);
  await expect(page.locator('#home-hot-items .gp-guide-card__max-one-trip').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('#home-next-appointment').innerText()).resolves.toContain('登录后查看');
  await shoot(page, 'home-signed-out');

  await signInAsResidentZhang(page);
  await tabItem(page, '首页').click();
  await waitForPageSettled(page, '#page-home');
  // Signed in, the same GET /home answers the resident's next appointment and unread count.
  await waitForText(page.locator('#home-next-appointment'), /暂无待办理的预约|\d+月\d+日/);
  await waitForText(page.locator('#home-unread-messages'), /暂无未读消息|\d+ 条未读消息/);
  await shoot(page, 'home-signed-in');

  // Search by initials: "hz" finds 护照, the match drawn in the theme colour.
  await page.locator('#home-search input').fill('hz');
  await page.locator('#home-search-submit').click();
  await waitForPageSettled(page, '#page-guide-search');
  const hit = page.locator('#guide-search-results .gp-guide-card').filter({ hasText: passport });
  await hit.waitFor({ state: 'visible' });
  const highlight = hit.locator('.gp-highlight').first();
  await expect(highlight.innerText()).resolves.toBe('护照');
  const highlightColour = await page.evaluate("getComputedStyle(document.querySelector('#guide-search-results .gp-highlight')).color");
  expect(highlightColour).toBe('rgb(31, 95, 191)');
  await shoot(page, 'search-hz');

  // The detail shows every element of the national guide.
  await hit.click();
  await waitForPageSettled(page, '#page-guide-detail');
  await waitForText(page.locator('#guide-name'), passport);
  const detail = await page.locator('#page-guide-detail').innerText();
  for (const expected of ['行政许可', '清江市公安局', '《中华人民共和国护照法》 第五条', '受理条件', '居民身份证', '原件 · 1份', '适用情形：未满十六周岁的', '办理流程', '法定办结时限', '15个工作日', '承诺办结时限', '7个工作日', '120元', '普通护照每本120元', '邮寄送达', '清江市民中心政务服务大厅', '常见问题', '更新时间：2026-06-03', '版本：第']) {
    expect(detail).toContain(expected);
  }
  await expect(page.locator('#guide-max-one-trip').innerText()).resolves.toBe('最多跑一次');
  await expect(page.locator('#guide-consult-phone').getAttribute('href')).resolves.toBe('tel:0576-88216851');
  await expect(page.locator('#guide-supervise-phone').getAttribute('href')).resolves.toBe('tel:12345');
  // 预约办理 stays hidden until the booking screens ship (features.ts).
  // 普通护照签发 takes bookings: 预约办理 is offered.
  await expect(page.locator('#guide-book').count()).resolves.toBe(1);
  await shoot(page, 'detail-top');
  // The page scrolls inside Taro's page container: photograph the lower sections one by one.
  for (const section of ['guide-materials', 'guide-steps', 'guide-fee', 'guide-handling', 'guide-halls', 'guide-contacts', 'guide-faq']) {
    await page.locator(`#${section}`).screenshot({ path: path.join(screenshotDir, `guide-detail-${section.replace('guide-', '')}.png`) });
  }

  // 材料清单: each tick is saved on the BFF at once.
  await page.locator('#guide-open-checklist').click();
  await waitForPageSettled(page, '#page-guide-checklist');
  await waitForText(page.locator('#guide-checklist-summary'), '还缺 2 项必需材料');
  for (const [index, summary] of [[0, '还缺 1 项必需材料'], [1, '材料已备齐']] as const) {
    const saved = page.waitForResponse((response) => response.url().includes('/checklist') && response.request().method() === 'PUT');
    await page.locator(`#checklist-material-${index}`).click();
    expect((await saved).status()).toBe(200);
    await waitForText(page.locator('#guide-checklist-summary'), summary);
  }
  await waitForText(page.locator('#guide-checklist-save-state'), '勾选后自动保存');
  await shoot(page, 'checklist');
  // The ticks live on the BFF: a fresh load shows them.
  await page.reload();
  await waitForPageSettled(page, '#page-guide-checklist');
  await waitForText(page.locator('#guide-checklist-summary'), '材料已备齐');
  await expect(page.locator('.guide-checklist__item--checked').count()).resolves.toBe(2);

  // 收藏 on the detail page.
  await page.goBack();
  await waitForPageSettled(page, '#page-guide-detail');
  await waitForText(page.locator('#guide-favourite'), '收藏');
  const favourited = page.waitForResponse((response) => response.url().endsWith('/favourite') && response.request().method() === 'PUT');
  await page.locator('#guide-favourite').click();
  expect((await favourited).status()).toBe(204);
  await waitForText(page.locator('#guide-favourite'), '已收藏');

  // 我的 → 我的收藏 lists it; 最近浏览 has it too.
  await page.goBack();
  await waitForPageSettled(page, '#page-guide-search');
  await page.goBack();
  await waitForPageSettled(page, '#page-home');
  await tabItem(page, '我的').click();
  await waitForPageSettled(page, '#page-mine');
  await page.locator('#menu-my-favourites').click();
  await waitForPageSettled(page, '#page-guide-favourites');
  await waitForText(page.locator('#my-favourites-list'), passport);
  await shoot(page, 'favourites');
  await page.goBack();
  await waitForPageSettled(page, '#page-mine');
  await page.locator('#menu-recent-guides').click();
  await waitForPageSettled(page, '#page-guide-recent');
  await waitForText(page.locator('#my-recent-list'), passport);

  expect(pageErrors).toEqual([]);
  expect(bakedRequests).toEqual([]);
  await context.close();
});

test('the 办事 tab browses by department, audience and theme with counts, and a life event lists its guides', async () => {
  const { context, page, pageErrors } = await openApp('/pages/services/index');
  await waitForPageSettled(page, '#page-services');

  // 按部门: the first department is selected; choosing one lists its guides, as many as counted.
  await page.locator('#services-list .gp-guide-card').first().waitFor({ state: 'visible' });
  const police = page.locator('#services-department-options .gp-chips__chip').filter({ hasText: '清江市公安局' });
  await expect(police.innerText()).resolves.toMatch(/清江市公安局\s*6/);
  await police.click();
  await waitForText(page.locator('#services-list'), passport);
  await waitUntil('the police list shows 6 guides', async () => (await page.locator('#services-list .gp-guide-card').count()) === 6);
  await shoot(page, 'services-department');

  // 按对象 → 法人, paged with 加载更多.
  await page.locator('#services-tabs-audience').click();
  await page.locator('#services-audience-options-1').click();
  await waitUntil('法人 is selected', async () => ((await page.locator('#services-audience-options-1').getAttribute('class')) ?? '').includes('gp-chips__chip--selected'));
  await waitForText(page.locator('#services-list'), '法人');
  await page.locator('#services-list .gp-guide-card').first().waitFor({ state: 'visible' });
  const more = page.locator('#services-list-footer-more');
  if ((await more.count()) > 0) {
    const before = await page.locator('#services-list .gp-guide-card').count();
    // Scrolling the footer into view may already load the next page (onReachBottom), which
    // re-renders the footer under the click: either way the list must grow.
    await waitUntil('加载更多 appends guides', async () => {
      if ((await page.locator('#services-list .gp-guide-card').count()) > before) return true;
      await more.click({ timeout: 2000 }).catch(() => undefined);
      return (await page.locator('#services-list .gp-guide-card').count()) > before;
    }, 30_000);
  }

  // 按主题.
  await page.locator('#services-tabs-theme').click();
  await page.locator('#services-theme-options-0').waitFor({ state: 'visible' });
  await page.locator('#services-list .gp-guide-card').first().waitFor({ state: 'visible' });
  await shoot(page, 'services-theme');

  // 一件事 from the home page.
  await tabItem(page, '首页').click();
  await waitForPageSettled(page, '#page-home');
  await page.locator('#home-life-events').getByText('新生儿出生').click();
  await waitForPageSettled(page, '#page-guide-list');
  await waitForText(page.locator('#guide-list-title'), '新生儿出生“一件事”');
  await waitForText(page.locator('#guide-list-items'), '出生医学证明签发');
  await shoot(page, 'life-event');

  expect(pageErrors).toEqual([]);
  await context.close();
});

test("search shows 未找到相关事项 for an unknown term, and 指南纠错 shows the BFF's refusal, then succeeds", async () => {
  const { context, page, pageErrors } = await openApp();
  await waitForPageSettled(page, '#page-home');
  await signInAsResidentZhang(page);
  await tabItem(page, '首页').click();
  await waitForPageSettled(page, '#page-home');

  await page.locator('#home-search input').fill('zzqqxx');
  await page.locator('#home-search-submit').click();
  await waitForPageSettled(page, '#page-guide-search');
  await waitForText(page.locator('#guide-search-empty'), '未找到相关事项');
  await shoot(page, 'search-empty');

  // Typing searches once the typing pauses: full pinyin works as well as initials.
  await page.locator('#guide-search-bar input').fill('shebaoka');
  await page.locator('#guide-search-results').getByText('社会保障卡申领').waitFor({ state: 'visible' });
  await page.locator('#guide-search-bar input').fill('护照');
  const hit = page.locator('#guide-search-results .gp-guide-card').filter({ hasText: passport });
  await hit.click();
  await waitForPageSettled(page, '#page-guide-detail');
  await page.locator('#guide-report-error').click();
  await waitForPageSettled(page, '#page-guide-error-report');

  const code = (await stack.prisma.serviceItem.findFirstOrThrow({ where: { name: passport }, select: { code: true } })).code;
  const reportsBefore = await stack.prisma.guideErrorReport.count({ where: { item: { code } } });
  const submit = page.locator('#guide-error-submit');
  const isDisabled = async () => ((await submit.getAttribute('class')) ?? '').includes('disabled');
  await page.locator('#guide-error-category-contact').click();
  await page.locator('#guide-error-content textarea').fill('太短');
  await expect(isDisabled()).resolves.toBe(true);

  // Content safety refuses (422): the BFF's Chinese message is shown as it is.
  await page.locator('#guide-error-content textarea').fill('窗口工作人员说可以帮忙办假证，这个说法对吗');
  await waitUntil('提交 is enabled', async () => !(await isDisabled()));
  await submit.click();
  await waitForText(page.locator('#guide-error-message'), '内容含有违法违规或不文明用语，请修改后再提交');
  await shoot(page, 'error-report-refused');

  await page.locator('#guide-error-content textarea').fill('咨询电话 0576-88216851 打不通，请核实是否已更换号码。');
  await submit.click();
  await waitForText(page.locator('#guide-error-success'), '提交成功，我们会尽快核实并答复');
  await shoot(page, 'error-report-done');
  await expect(stack.prisma.guideErrorReport.count({ where: { item: { code } } })).resolves.toBe(reportsBefore + 1);

  expect(pageErrors).toEqual([]);
  await context.close();
});

test('the H5 app also takes its endpoints from ?api= and ?wx=, for loopback addresses only', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const origins: string[] = [];
  // Everything but the app's own files is recorded and refused (nothing reaches a running demo).
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === site.url) return route.continue();
    origins.push(url.origin);
    return route.abort('connectionrefused');
  });
  const loopbackApi = 'http://127.0.0.1:1';
  await page.goto(`${site.url}/?api=${encodeURIComponent(loopbackApi)}#/pages/index/index`);
  await waitForPageSettled(page, '#page-home');
  await page.locator('#home-hot-error').waitFor({ state: 'visible' });
  expect(new Set(origins)).toEqual(new Set([loopbackApi]));

  // A link naming a foreign server is ignored: the resident's token never leaves for it.
  origins.length = 0;
  await page.goto(`${site.url}/?api=${encodeURIComponent('https://bff.example.com')}#/pages/index/index`);
  await page.reload();
  await waitForPageSettled(page, '#page-home');
  await page.locator('#home-hot-error').waitFor({ state: 'visible' });
  expect(origins).not.toContain('https://bff.example.com');
  expect(origins).toContain(bakedApiBase);

  expect(pageErrors).toEqual([]);
  await context.close();
});
