import path from 'node:path';
import { serveStatic, type StaticServer } from '../scripts/static-server';
import { launchChromium, openPhoneApp } from '../tests/support/h5';
import { summarise, type LatencySummary } from './stats';

/**
 * The H5 first screen in Chromium on loopback: a fresh phone (empty cache, signed out) opens the
 * home page; measured from navigation start to the first contentful paint and to the moment the
 * hot items from GET /home are on screen (the first screen a resident can use). The BFF is the
 * bench's own, on the seeded database; its H5_ORIGIN must be the site's URL (CORS).
 */
const h5Dir = path.resolve(__dirname, '../miniprogram/dist/h5');

/** The built H5 app on a loopback port. */
export function serveH5(): Promise<StaticServer> {
  return serveStatic({ dir: h5Dir });
}

export type FirstScreenFigures = { firstContentfulPaint: LatencySummary; hotItemsShown: LatencySummary; transferredKb: number };

export async function benchH5FirstScreen({ site, apiBase, runs = 7 }: { site: StaticServer; apiBase: string; runs?: number }): Promise<FirstScreenFigures> {
  const browser = await launchChromium();
  const paints: number[] = [];
  const shown: number[] = [];
  let transferred = 0;
  try {
    for (let run = 0; run < runs; run += 1) {
      const { context, page, pageErrors } = await openPhoneApp(browser, { apiBase, fakeWechatUrl: 'http://127.0.0.1:9' });
      try {
        await page.goto(`${site.url}/#/pages/index/index`);
        // performance.now() counts from navigation start: read it the moment a guide card is shown.
        // (Page code as strings: this project compiles without the DOM library.)
        const handle = await page.waitForFunction("document.querySelector('#home-hot-items .gp-guide-card') ? performance.now() : false", undefined, { timeout: 30_000, polling: 'raf' });
        shown.push(Number(await handle.jsonValue()));
        const fcp = await page.evaluate<number | null>("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null");
        if (fcp !== null) paints.push(fcp);
        transferred = await page.evaluate<number>("[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce((sum, entry) => sum + entry.transferSize, 0)");
        if (pageErrors.length > 0) throw new Error(`the home page threw: ${pageErrors.map((error) => error.message).join('; ')}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return { firstContentfulPaint: summarise(paints), hotItemsShown: summarise(shown), transferredKb: transferred / 1024 };
}
