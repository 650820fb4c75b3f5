/**
 * `npm run demo`: after setup (dependencies, Prisma client, MySQL and Redis), migrate and seed the
 * demo city, start the fake WeChat, build and serve the H5 app, start the BFF, and print the URL.
 * Everything stops on Ctrl-C.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createPrismaClient, seedDemo } from '@govpocket/db';
import { startFakeWechat } from '@govpocket/fake-wechat';
import { miniProgramPages } from '@govpocket/shared';
import { loadConfig } from '../bff/src/config';
import { createLogger } from '../bff/src/platform/logger';
import { startWorkers } from '../bff/src/worker';
import { createDatabaseIfMissing, migrate } from '../prisma/src/migrate';
import { serveStatic } from './static-server';

const root = path.resolve(__dirname, '..');
// The demo runs in demo mode (development defaults: the published keys and the fake WeChat), for
// itself (seeding) and the BFF it starts; a deployment never does (see docs/deployment.md).
process.env.APP_MODE ??= 'demo';
const env = process.env;
const ports = { h5: Number(env.DEMO_PORT ?? 10086), bff: Number(env.PORT ?? 3000), fakeWechat: Number(env.FAKE_WECHAT_PORT ?? 9800) };
const databaseUrl = env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/govpocket';
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const h5Origin = `http://127.0.0.1:${ports.h5}`;
const bffUrl = `http://127.0.0.1:${ports.bff}`;

function log(line: string): void {
  console.log(`[demo] ${line}`);
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the BFF exited with code ${child.exitCode}`);
    const ready = await fetch(url).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000}s`);
}

/** The BFF child, so a failed start can take it down too. */
let bffProcess: ChildProcess | undefined;

async function main(): Promise<void> {
  await createDatabaseIfMissing(databaseUrl);
  const migrated = await migrate({ databaseUrl, log: (line) => log(`migrate: ${line}`) });
  log(`database ready (${migrated.applied.length} migrations applied, ${migrated.skipped.length} already there)`);
  const prisma = createPrismaClient(databaseUrl);
  await seedDemo(prisma);
  await prisma.$disconnect();
  log('demo city 清江市 seeded');

  // The control API answers the H5 demo's own origin only. With the app's real page list: a subscribe message to any other page fails with 41030, as in WeChat.
  // Its 消息推送 goes to the BFF (image verdicts of mediaCheckAsync), signed with the token the BFF is given below.
  const fakeWechat = await startFakeWechat({ port: ports.fakeWechat, pages: [...miniProgramPages], messagePushUrl: `${bffUrl}/wechat/message-push`, controlOrigins: [h5Origin] });
  log(`fake WeChat at ${fakeWechat.url}`);
  // The demo merchant: the fake's freshly generated keys, notifications to the local BFF.
  const payEnv = {
    WECHATPAY_API_BASE: fakeWechat.url,
    WECHATPAY_MCHID: fakeWechat.merchant.mchid,
    WECHATPAY_MERCHANT_PRIVATE_KEY: fakeWechat.merchant.privateKeyPem,
    WECHATPAY_MERCHANT_CERTIFICATE: fakeWechat.merchant.certificatePem,
    WECHATPAY_APIV3_KEY: fakeWechat.merchant.apiV3Key,
    WECHATPAY_PLATFORM_CERTIFICATE: fakeWechat.platform.certificatePem,
    WECHATPAY_PUBLIC_KEY_ID: fakeWechat.platform.publicKeyId,
    WECHATPAY_PUBLIC_KEY: fakeWechat.platform.publicKeyPem,
    WECHATPAY_NOTIFY_BASE: bffUrl,
  };
  // WeChat downloads images to check from the BFF and pushes the verdict to it.
  const mediaCheckEnv = { MEDIA_CHECK_FILE_BASE: bffUrl, WECHAT_MESSAGE_PUSH_TOKEN: fakeWechat.control.keys().messagePushToken };

  if (env.DEMO_SKIP_BUILD !== '1') {
    log('building the H5 app …');
    const build = spawnSync('npm', ['run', 'build:h5', '-w', 'miniprogram'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, TARO_APP_API_BASE: bffUrl, TARO_APP_FAKE_WECHAT_URL: fakeWechat.url },
    });
    if (build.status !== 0) throw new Error('the H5 build failed');
  }

  // node --import tsx, not the tsx CLI: the BFF is then this child itself, so a kill reaches it.
  const bff = (bffProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bff/src/main.ts')], {
    cwd: root,
    // stdin stays a pipe from us: the BFF stops when it closes (EXIT_WITH_PARENT), even if we are killed.
    stdio: ['pipe', 'inherit', 'inherit'],
    env: {
      ...env,
      EXIT_WITH_PARENT: '1',
      PORT: String(ports.bff),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      H5_ORIGIN: h5Origin,
      LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
      WECHAT_API_BASE: fakeWechat.url,
      WECHAT_APPID: fakeWechat.appid,
      WECHAT_SECRET: fakeWechat.secret,
      ...payEnv,
      ...mediaCheckEnv,
    },
  }));
  await waitUntilReady(`${bffUrl}/readyz`, bff);
  log(`BFF at ${bffUrl}`);

  const workerConfig = loadConfig({ ...env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, WECHAT_API_BASE: fakeWechat.url, WECHAT_APPID: fakeWechat.appid, WECHAT_SECRET: fakeWechat.secret, ...payEnv, ...mediaCheckEnv });
  const workers = await startWorkers({ config: workerConfig, logger: createLogger({ level: env.LOG_LEVEL ?? 'warn', name: 'worker' }) });
  log('notification worker and scheduled jobs running');

  // CSP connect-src / img-src: the app talks to this BFF and this fake WeChat only.
  const h5 = await serveStatic({ dir: path.join(root, 'miniprogram/dist/h5'), port: ports.h5, connectOrigins: [bffUrl, fakeWechat.url] });
  log(`H5 app ready. Open ${h5Origin}/ in a browser (pick a demo persona under 我的). Ctrl-C stops everything.`);

  const stop = async (): Promise<void> => {
    const bffExited = new Promise<void>((resolve) => (bff.exitCode === null ? bff.once('exit', () => resolve()) : resolve()));
    bff.kill('SIGTERM');
    const forceKill = setTimeout(() => bff.kill('SIGKILL'), 15_000);
    await Promise.all([h5.close(), workers.close(), bffExited]);
    clearTimeout(forceKill);
    await fakeWechat.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  bffProcess?.kill('SIGKILL'); // a failed start leaves nothing running behind it
  process.exit(1);
});
