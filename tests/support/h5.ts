import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium, started the way this machine's closed network needs (see platform notes). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Pages slide in with a CSS transition: wait until the page's root sits still at the left edge. */
export async function waitForPageSettled(page: Page, selector: string): Promise<void> {
  // While H5 slides a page in, the page it leaves (or an older copy of the same page) may still
  // match: the page being shown is the newest, the last in the document.
  const root = page.locator(selector).last();
  await root.waitFor({ state: 'visible' });
  let previous = await root.boundingBox();
  for (let attempt = 0; attempt < 100; attempt += 1) {
    await page.waitForTimeout(50);
    const current = await root.boundingBox();
    if (previous && current && Math.abs(current.x) < 1 && current.x === previous.x) return;
    previous = current;
  }
  throw new Error(`${selector} is still moving after 5 s`);
}

/** A tab of the H5 tab bar (Taro renders it without ids). */
export function tabItem(page: Page, label: string) {
  return page.locator('.taro-tabbar__tabbar .weui-tabbar__item').filter({ hasText: label });
}

/** Polls until the element's text matches (jest has no web-first assertions). */
export async function waitForText(page: Page, selector: string, expected: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await page.locator(selector).first().innerText({ timeout: 1_000 }).catch(() => '');
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    await page.waitForTimeout(150);
  }
  throw new Error(`expected ${selector} to show ${String(expected)}, last saw "${last}"`);
}

/** The phone every journey runs on: an iPhone-sized touch screen in Chinese. */
export const phoneContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' } as const;

export type OpenedApp = { context: BrowserContext; page: Page; pageErrors: Error[] };

/**
 * A fresh phone with the H5 app's runtime config (which BFF and fake WeChat to call) injected
 * before any script runs, page errors collected, and `url` opened when given.
 */
export async function openPhoneApp(
  browser: Browser,
  { apiBase, fakeWechatUrl, url, contextOptions = {} }: { apiBase: string; fakeWechatUrl: string; url?: string; contextOptions?: BrowserContextOptions },
): Promise<OpenedApp> {
  const context = await browser.newContext({ ...phoneContextOptions, ...contextOptions });
  await context.addInitScript({ content: `window.__GOVPOCKET_CONFIG__ = ${JSON.stringify({ apiBase, fakeWechatUrl })};` });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  if (url) await page.goto(url);
  return { context, page, pageErrors };
}

/** Signs in as a demo persona on the login page and waits for 我的 to show the signed-in user. */
export async function signInAsPersona(page: Page, webUrl: string, personaKey: string): Promise<void> {
  await page.goto(`${webUrl}/#/pages/login/index`);
  await waitForPageSettled(page, '#page-login');
  await page.locator(`#persona-${personaKey}`).click();
  await waitForPageSettled(page, '#page-mine');
  await page.locator('#mine-signed-in').waitFor({ state: 'visible' });
}

/** Opens a page of the app by its hash path and waits until it has slid in. */
export async function openAppPage(page: Page, webUrl: string, hashPath: string, rootSelector: string): Promise<void> {
  await page.goto(`${webUrl}/#${hashPath}`);
  await waitForPageSettled(page, rootSelector);
}
