import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type Redis from 'ioredis';
import type { Browser } from 'playwright-core';
import { startFakeWechat, type FakeWechat, type FakeWechatOptions } from '@govpocket/fake-wechat';
import { createPrismaClient, type PrismaClient } from '@govpocket/db';
import { miniProgramPages } from '@govpocket/shared';
import { createApp, type App } from '../../bff/src/app';
import { loadConfig, type Config } from '../../bff/src/config';
import { createLogger } from '../../bff/src/platform/logger';
import { connectRedis } from '../../bff/src/platform/redis';
import { serve } from '../../bff/src/platform/server';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { ensureDemoSeeded } from './seeded';
import { launchChromium } from './h5';

/** The H5 build the journeys drive (`node scripts/build-miniprogram.mjs h5`). */
export const h5DistDir = path.resolve(__dirname, '../../miniprogram/dist/h5');

export type JourneyStackOptions = {
  /** The BFF's clock; the real one when left out. */
  now?: () => Date;
  /** Options for the fake WeChat besides the page list (always the real one). */
  fakeWechat?: Omit<FakeWechatOptions, 'pages'>;
  /**
   * Extra environment for the BFF's config, given the fake and the BFF's own URL. When set, the
   * BFF's port is taken before the config is loaded (the WeChat Pay notify URL names it) and the app
   * is served on that plain Node server; otherwise the BFF runs under the platform's `serve`.
   */
  env?: (stack: { fake: FakeWechat; bffUrl: string }) => Record<string, string>;
};

export type JourneyStack = {
  web: StaticServer;
  fake: FakeWechat;
  prisma: PrismaClient;
  redis: Redis;
  app: App;
  bff: { url: string; server: Server };
  browser: Browser;
  config: Config;
  /** Stops everything that was started, in reverse order. */
  close: () => Promise<void>;
};

/**
 * The stack an H5 journey runs on: the built app served statically, the fake WeChat with the real
 * page list, the real BFF over HTTP on this worker's MySQL and Redis (demo data seeded), and
 * Chromium. If any step fails, what was already started is stopped before the error is rethrown.
 */
export async function startJourneyStack(options: JourneyStackOptions = {}): Promise<JourneyStack> {
  if (!existsSync(path.join(h5DistDir, 'index.html'))) {
    throw new Error(`H5 build missing at ${h5DistDir}: run "npm run build:h5 -w miniprogram" first (npm test builds before jest).`);
  }
  const started: Partial<Omit<JourneyStack, 'bff' | 'close'>> & { stopBff?: () => Promise<void> } = {};
  const close = async (): Promise<void> => {
    await started.browser?.close();
    await started.stopBff?.();
    await started.app?.close();
    await started.prisma?.$disconnect();
    started.redis?.disconnect();
    await started.fake?.close();
    await started.web?.close();
  };
  try {
    // The BFF's CORS answers one origin only: the static server's, so it starts first.
    const web = (started.web = await serveStatic({ dir: h5DistDir }));
    const fake = (started.fake = await startFakeWechat({ ...options.fakeWechat, pages: [...miniProgramPages] }));
    const baseEnv = { ...process.env, LOG_LEVEL: 'silent', H5_ORIGIN: web.url, WECHAT_API_BASE: fake.url, WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHATPAY_API_BASE: fake.url };
    const logger = createLogger({ level: 'silent' });
    let bff: JourneyStack['bff'];
    let config: Config;
    let app: App;
    let prisma: PrismaClient;
    let redis: Redis;
    if (options.env) {
      // The notify URL names the BFF's port, so the port is taken before the app is built.
      const handler: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
      const server = createServer((req, res) => handler.handle?.(req, res));
      started.stopBff = async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      };
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      config = started.config = loadConfig({ ...baseEnv, ...options.env({ fake, bffUrl: url }) });
      prisma = started.prisma = createPrismaClient(config.DATABASE_URL, { connectionLimit: 4 });
      redis = started.redis = await connectRedis(config.REDIS_URL);
      app = started.app = createApp({ config, logger, prisma, redis, now: options.now });
      handler.handle = app.callback();
      bff = { url, server };
    } else {
      config = started.config = loadConfig(baseEnv);
      prisma = started.prisma = createPrismaClient(config.DATABASE_URL, { connectionLimit: 4 });
      redis = started.redis = await connectRedis(config.REDIS_URL);
      app = started.app = createApp({ config, logger, prisma, redis, now: options.now });
      const running = await serve({ app, host: '127.0.0.1', port: 0, logger, shutdownTimeoutMs: 2_000 });
      started.stopBff = running.shutdown;
      bff = { url: running.url, server: running.server };
    }
    await ensureDemoSeeded(prisma);
    const browser = (started.browser = await launchChromium());
    return { web, fake, prisma, redis, app, bff, browser, config, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
