import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page, type Route } from 'playwright-core';
import { demoPersonas, type WechatLoginResponse } from '@govpocket/shared';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { launchChromium, phoneContextOptions, tabItem, waitForPageSettled } from '../support/h5';

/**
 * Drives the built H5 demo (miniprogram/dist/h5) in real Chromium. The BFF and the fake WeChat are
 * stubbed with request routing, so the test proves the client alone: shell, tab bar, navigation and
 * the login flow's handling of answers and failures.
 */
const distDir = path.resolve(__dirname, '../../miniprogram/dist/h5');
const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? tmpdir();
// The URLs baked into the build (defaults from miniprogram/config/index.ts unless overridden).
const apiBase = process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000';
const fakeWechatBase = process.env.TARO_APP_FAKE_WECHAT_URL ?? 'http://127.0.0.1:9800';

const tabs = ['首页', '办事', '互动', '我的'] as const;

/** GET /guide-search?q=护照 as the BFF answers it (guideSearchResponseSchema). */
const passportSearchAnswer = {
  query: '护照',
  total: 1,
  items: [
    {
      code: '11331000GA-XK-0002',
      name: '普通护照签发',
      type: 'ADMINISTRATIVE_LICENSE',
      departmentName: '清江市公安局',
      audience: 'INDIVIDUAL',
      onSiteTrips: 1,
      isMaxOneTrip: true,
      isAppointmentEnabled: true,
      promisedDays: 7,
      isCharged: true,
      revisedAt: '2026-06-03T00:00:00.000Z',
      highlight: [
        { text: '普通', isMatch: false },
        { text: '护照', isMatch: true },
        { text: '签发', isMatch: false },
      ],
    },
  ],
};

jest.setTimeout(90_000);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`H5 build missing at ${distDir}: run "npm run build:h5 -w miniprogram" first (npm test builds before jest).`);
  }
  server = await serveStatic({ dir: distDir, connectOrigins: [apiBase, fakeWechatBase] });
  // playwright-core gives every launch a fresh temporary user-data-dir and removes it on close.
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type OpenedPage = { page: Page; pageErrors: Error[]; close: () => Promise<void> };

/** A phone-sized page in its own context (empty storage: signed out), collecting uncaught page errors and CSP violations. */
async function openApp(hashPath = '/pages/index/index'): Promise<OpenedPage> {
  const context = await browser.newContext(phoneContextOptions);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  // The static server's Content-Security-Policy must let the app do all it does: a violation is an error
  // here. Except one: Taro's tab bar items are <a href="javascript:;"> with an onClick that does the
  // work; the no-op javascript: navigation is what the CSP blocks, and nothing is lost by it.
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy/i.test(text) && !/^Running the JavaScript URL/.test(text)) pageErrors.push(new Error(text));
  });
  await page.goto(`${server.url}/#${hashPath}`);
  return { page, pageErrors, close: () => context.close() };
}

/** Answers a stubbed cross-origin JSON call, including the CORS preflight. */
async function fulfillJson(route: Route, status: number, body: unknown): Promise<void> {
  const headers = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS' };
  if (route.request().method() === 'OPTIONS' || status === 204) {
    await route.fulfill({ status: 204, headers });
    return;
  }
  await route.fulfill({ status, headers, contentType: 'application/json', body: JSON.stringify(body) });
}

test('home page shows the tab bar, and tapping 办事 opens the 办事 page', async () => {
  const { page, pageErrors, close } = await openApp();
  await page.route(`${apiBase}/**`, (route) => route.abort('connectionrefused'));
  await waitForPageSettled(page, '#page-home');

  for (const label of tabs) {
    await expect(tabItem(page, label).isVisible()).resolves.toBe(true);
  }
  await expect(page.locator('#home-search').isVisible()).resolves.toBe(true);
  await expect(page.locator('#home-next-appointment').innerText()).resolves.toContain('登录后查看');
  await page.screenshot({ path: path.join(screenshotDir, 'h5-home.png') });

  await tabItem(page, '办事').click();
  await waitForPageSettled(page, '#page-services');
  expect(page.url()).toContain('#/pages/services/index');
  await expect(page.locator('#page-services').innerText()).resolves.toMatch(/按部门[\s\S]*按对象[\s\S]*按主题/);
  // The BFF is unreachable here: the guide catalogue explains that instead of an endless spinner.
  await page.locator('#services-error').waitFor({ state: 'visible' });
  await expect(page.locator('#services-error').innerText()).resolves.toContain('网络不可用，请稍后重试');

  await tabItem(page, '我的').click();
  await waitForPageSettled(page, '#page-mine');
  await expect(page.locator('#mine-login').innerText()).resolves.toContain('选择演示身份登录');
  await page.screenshot({ path: path.join(screenshotDir, 'h5-mine.png') });

  expect(pageErrors).toEqual([]);
  await close();
});

test('a search on the home page opens the search page with the query and highlights the matches', async () => {
  const { page, pageErrors, close } = await openApp();
  await page.route(`${apiBase}/**`, (route) => route.abort('connectionrefused'));
  const searched: string[] = [];
  await page.route(`${apiBase}/guide-search?**`, (route) => {
    searched.push(new URL(route.request().url()).searchParams.get('q') ?? '');
    return fulfillJson(route, 200, passportSearchAnswer);
  });
  await waitForPageSettled(page, '#page-home');

  await page.locator('#home-search input').fill('护照');
  await page.locator('#home-search-submit').click();
  await waitForPageSettled(page, '#page-guide-search');
  await expect(page.locator('#guide-search-field input').inputValue()).resolves.toBe('护照');
  const hit = page.locator('#guide-search-results .gp-guide-card');
  await hit.waitFor({ state: 'visible' });
  await expect(hit.locator('.gp-highlight').innerText()).resolves.toBe('护照');
  await expect(hit.innerText()).resolves.toContain('最多跑一次');
  expect(searched).toEqual(['护照']);

  expect(pageErrors).toEqual([]);
  await close();
});

test('persona login without the fake WeChat shows a Chinese network message instead of crashing', async () => {
  const { page, pageErrors, close } = await openApp('/pages/login/index');
  await page.route(`${fakeWechatBase}/**`, (route) => route.abort('connectionrefused'));
  await waitForPageSettled(page, '#page-login');

  await page.locator('#persona-resident-zhang').click();
  await expect(page.locator('#login-error').innerText()).resolves.toBe('网络不可用，请稍后重试');

  expect(pageErrors).toEqual([]);
  await close();
});

test('window staff signs in as a demo persona, reaches the staff workbench and signs out', async () => {
  const persona = demoPersonas.find((candidate) => candidate.key === 'window-chen');
  if (!persona) throw new Error('demo persona window-chen is missing from @govpocket/shared');
  const loginResponse: WechatLoginResponse = {
    token: 'e2e-session-token',
    expiresInSeconds: 7200,
    user: {
      id: 'user-window-chen',
      nickname: persona.nickname,
      hasPhone: true,
      roles: [{ role: 'WINDOW_STAFF', scopeType: 'HALL', scopeId: 'hall-1', scopeName: persona.scopeName ?? null }],
    },
  };
  const { page, pageErrors, close } = await openApp('/pages/login/index');
  const requestedPersonas: unknown[] = [];
  // Nothing reaches a real BFF or fake WeChat that may be running on this machine.
  await page.route(`${apiBase}/**`, (route) => route.abort('connectionrefused'));
  await page.route(`${fakeWechatBase}/**`, (route) => route.abort('connectionrefused'));
  await page.route(`${fakeWechatBase}/__control/login-code`, async (route) => {
    if (route.request().method() === 'POST') requestedPersonas.push(route.request().postDataJSON());
    await fulfillJson(route, 200, { code: 'e2e-login-code' });
  });
  await page.route(`${apiBase}/auth/wechat`, (route) => fulfillJson(route, 200, loginResponse));
  await page.route(`${apiBase}/me`, (route) => fulfillJson(route, 200, { user: loginResponse.user }));
  await waitForPageSettled(page, '#page-login');

  await page.locator('#persona-window-chen').click();
  await waitForPageSettled(page, '#page-mine');
  expect(requestedPersonas).toEqual([{ personaKey: 'window-chen' }]);
  await expect(page.locator('#mine-signed-in').innerText()).resolves.toContain('窗口人员 · 清江市民中心政务服务大厅');

  await page.locator('#menu-staff-workbench').click();
  await waitForPageSettled(page, '#page-staff-home');
  await expect(page.locator('#staff-identity').innerText()).resolves.toContain(persona.nickname);
  await expect(page.locator('#staff-entries-window_staff').innerText()).resolves.toMatch(/今日预约[\s\S]*叫号/);

  // The admin subpackage is behind the ADMIN role: a window clerk gets an explanation, not the areas.
  await page.goto(`${server.url}/#/admin/index/index`);
  await waitForPageSettled(page, '#page-admin-home');
  await expect(page.locator('#role-gate-forbidden').innerText()).resolves.toContain('暂无访问权限');
  await expect(page.locator('#admin-areas').count()).resolves.toBe(0);

  // Signing out revokes the token on the BFF and returns 我的 to its signed-out state.
  const revoked: string[] = [];
  await page.route(`${apiBase}/auth/logout`, async (route) => {
    if (route.request().method() === 'POST') revoked.push((await route.request().headerValue('authorization')) ?? '');
    await fulfillJson(route, 204, null);
  });
  await page.goto(`${server.url}/#/pages/mine/index`);
  await waitForPageSettled(page, '#page-mine');
  await page.locator('#mine-logout').click();
  await page.locator('.taro-modal__foot').getByText('退出', { exact: true }).click();
  await page.locator('#mine-signed-out').waitFor({ state: 'visible' });
  expect(revoked).toEqual(['Bearer e2e-session-token']);

  expect(pageErrors).toEqual([]);
  await close();
});

test('the admin area explains itself to a signed-out visitor', async () => {
  const { page, pageErrors, close } = await openApp('/admin/index/index');
  await waitForPageSettled(page, '#page-admin-home');
  await expect(page.locator('#role-gate-signed-out').innerText()).resolves.toContain('请先登录');
  expect(pageErrors).toEqual([]);
  await close();
});
