import { spawn } from 'node:child_process';
import path from 'node:path';
import { startFakeWechat } from '@govpocket/fake-wechat';
import { ConfigError, databasePool, demoCredentials, loadConfig } from '../../bff/src/config';
import { createPrismaClient, mariadbPoolOptions } from '../../prisma/src/client';
import { databaseTransportFromEnv } from '../../prisma/src/database-url';
import { productionEnv } from '../support/production-env';

const root = path.resolve(__dirname, '../..');

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults for a developer machine, in an explicit development, test or demo mode', () => {
    for (const env of [{ APP_MODE: 'development' }, { APP_MODE: 'demo' }, { NODE_ENV: 'test' }, { NODE_ENV: 'development' }]) {
      const config = loadConfig(env);
      expect(config).toMatchObject({ PORT: 3000, DATABASE_URL: 'mysql://root@127.0.0.1:3306/govpocket', REDIS_URL: 'redis://127.0.0.1:6379', WECHAT_SECRET: 'demo-secret' });
    }
    expect(loadConfig({ APP_MODE: 'demo' }).mode).toBe('demo');
  });

  it('fails fast and names every bad variable', () => {
    expect(() => loadConfig({ APP_MODE: 'test', PORT: 'eighty', DATABASE_URL: 'postgres://x/y' })).toThrow(ConfigError);
    const problems = problemsOf({ APP_MODE: 'test', PORT: 'eighty', DATABASE_URL: 'postgres://x/y' });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL: must be a mysql:\/\/ URL/);
    expect(problemsOf({ APP_MODE: 'staging' })).toEqual([expect.stringMatching(/^APP_MODE: staging is no mode/)]);
    expect(problemsOf({ NODE_ENV: 'staging' })).toEqual([expect.stringMatching(/^APP_MODE: NODE_ENV=staging names no mode/)]);
  });

  it('with no mode set (production), refuses every development default and names each one', () => {
    const problems = problemsOf({});
    const names = problems.map((problem) => problem.split(':')[0]);
    expect(names).toEqual(['DATA_ENCRYPTION_KEYS', 'FILE_URL_SECRET', 'WECHAT_APPID', 'WECHAT_SECRET', 'WECHAT_MESSAGE_PUSH_TOKEN', 'DATABASE_URL']);
    expect(problems.join('\n')).toMatch(/DATA_ENCRYPTION_KEYS: required outside development\/test\/demo mode/);
    // NODE_ENV=production and APP_MODE=production say the same; APP_MODE wins over NODE_ENV.
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual(problems);
    expect(problemsOf({ APP_MODE: 'production', NODE_ENV: 'test' })).toEqual(problems);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(productionEnv());
    expect(config.mode).toBe('production');
    expect(loadConfig({ ...productionEnv(), NODE_ENV: 'production' }).mode).toBe('production');
  });

  it('names each unsafe production setting on its own', () => {
    const developmentKey = 'R292UG9ja2V0IGRldmVsb3BtZW50IGtleSAhITEyMzQ=';
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ DATA_ENCRYPTION_KEYS: '' }, /^DATA_ENCRYPTION_KEYS: required outside development/],
      [{ DATA_ENCRYPTION_KEYS: `k1:${developmentKey}` }, /^DATA_ENCRYPTION_KEYS: the published development key/],
      [{ DATA_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' }, /^DATA_ENCRYPTION_KEYS: key k1 must be 32 bytes/],
      [{ FILE_URL_SECRET: '' }, /^FILE_URL_SECRET: must be set in production/],
      [{ WECHAT_MESSAGE_PUSH_TOKEN: '' }, /^WECHAT_MESSAGE_PUSH_TOKEN: must be set in production/],
      [{ FILE_URL_SECRET: 'dev-only-file-url-secret-change-me-in-production' }, /^FILE_URL_SECRET: must be set in production/],
      [{ WECHAT_SECRET: '' }, /^WECHAT_SECRET: must be the mini-program's AppSecret/],
      [{ WECHAT_SECRET: 'demo-secret' }, /^WECHAT_SECRET: must be the mini-program's AppSecret/],
      [{ WECHAT_APPID: 'wx_demo_govpocket' }, /^WECHAT_APPID: must be the mini-program's AppID/],
      [{ DATABASE_URL: '' }, /^DATABASE_URL: must be set in production/],
      [{ DATABASE_URL: 'mysql://root@10.0.3.11:3306/govpocket' }, /^DATABASE_URL: an account without a password/],
      [{ WECHAT_API_BASE: 'http://127.0.0.1:9800' }, /^WECHAT_API_BASE: points at this machine/],
      [{ WECHAT_API_BASE: 'http://localhost:9800' }, /^WECHAT_API_BASE: points at this machine/],
      [{ WECHAT_API_BASE: 'http://api.weixin.qq.com' }, /^WECHAT_API_BASE: must be an https:\/\/ URL/],
      [{ WECHATPAY_API_BASE: 'http://[::1]:9800' }, /^WECHATPAY_API_BASE: points at this machine/],
      [{ WECHATPAY_MCHID: '1900000109' }, /^WECHATPAY_MERCHANT_PRIVATE_KEY: missing while other WeChat Pay merchant settings are set/],
      [{ WECHATPAY_MCHID: '1900000109' }, /^WECHATPAY_MCHID: 1900000109 is the fake WeChat Pay's demo merchant/],
    ];
    for (const [change, expected] of cases) {
      const env = Object.fromEntries(Object.entries({ ...productionEnv(), ...change }).filter(([, value]) => value !== ''));
      const problems = problemsOf(env);
      expect({ change, problems }).toEqual({ change, problems: expect.arrayContaining([expect.stringMatching(expected)]) });
    }
    // A half-configured merchant: every missing piece is named, and a local notify URL too.
    const pay = problemsOf({ ...productionEnv(), WECHATPAY_MCHID: '1612345678', WECHATPAY_APIV3_KEY: 'a'.repeat(32) });
    expect(pay.map((problem) => problem.split(':')[0])).toEqual([
      'WECHATPAY_MERCHANT_PRIVATE_KEY', 'WECHATPAY_MERCHANT_CERTIFICATE', 'WECHATPAY_PLATFORM_CERTIFICATE or WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY', 'WECHATPAY_NOTIFY_BASE',
    ]);
  });

  it('refuses the demo credentials of the fake WeChat the demo runs against', async () => {
    const fake = await startFakeWechat();
    try {
      expect(demoCredentials.appids).toContain(fake.appid);
      expect(demoCredentials.secrets).toContain(fake.secret);
      expect(demoCredentials.mchids).toContain(fake.merchant.mchid);
      const problems = problemsOf({ ...productionEnv(), WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret });
      expect(problems.map((problem) => problem.split(':')[0])).toEqual(['WECHAT_APPID', 'WECHAT_SECRET']);
    } finally {
      await fake.close();
    }
  });

  it('maps the database TLS settings onto the driver, and retrieves no public key unless asked', () => {
    const url = 'mysql://app:pw@10.0.3.11:3306/govpocket';
    const plain = mariadbPoolOptions(url, { transport: databaseTransportFromEnv({}) });
    expect(plain).toMatchObject({ host: '10.0.3.11', port: 3306, user: 'app', password: 'pw', database: 'govpocket', allowPublicKeyRetrieval: false });
    expect(plain.ssl).toBeUndefined();

    expect(mariadbPoolOptions(url, { transport: databaseTransportFromEnv({ DATABASE_SSL: 'true' }) }).ssl).toEqual({ rejectUnauthorized: true });
    const readFile = (file: string): string => `PEM of ${file}`;
    expect(mariadbPoolOptions(url, { transport: databaseTransportFromEnv({ DATABASE_SSL_CA: '/etc/mysql/ca.pem' }) }, readFile).ssl).toEqual({ ca: 'PEM of /etc/mysql/ca.pem', rejectUnauthorized: true });
    expect(mariadbPoolOptions(url, { transport: databaseTransportFromEnv({ DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL: 'true' }) }).allowPublicKeyRetrieval).toBe(true);
    expect(() => databaseTransportFromEnv({ DATABASE_SSL: 'yes' })).toThrow(/DATABASE_SSL must be true or false/);
    expect(() => mariadbPoolOptions(url, { transport: databaseTransportFromEnv({ DATABASE_SSL_CA: '/nowhere/ca.pem' }) })).toThrow(/DATABASE_SSL_CA: cannot read \/nowhere\/ca.pem/);

    // The BFF's configuration: the same mapping, and a CA path that does not exist is refused at start.
    const config = loadConfig({ APP_MODE: 'test', DATABASE_SSL: 'true', DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL: '0' });
    expect(databasePool(config).transport).toEqual({ ssl: true, caPath: null, allowPublicKeyRetrieval: false });
    expect(databasePool(loadConfig({ APP_MODE: 'test' })).transport).toEqual({ ssl: false, caPath: null, allowPublicKeyRetrieval: false });
    expect(problemsOf({ APP_MODE: 'test', DATABASE_SSL_CA: '/nowhere/ca.pem' })).toEqual(['DATABASE_SSL_CA: no file at /nowhere/ca.pem']);
  });
});

describe('database TLS against the test server', () => {
  it('reaches the driver: with DATABASE_SSL a server that offers no TLS is not used, without it the same server answers', async () => {
    const url = process.env.DATABASE_URL ?? '';
    const plain = createPrismaClient(url, { connectionLimit: 1, transport: databaseTransportFromEnv({}) });
    const tls = createPrismaClient(url, { connectionLimit: 1, acquireTimeoutMs: 2000, transport: databaseTransportFromEnv({ DATABASE_SSL: 'true' }) });
    try {
      const [server] = await plain.$queryRawUnsafe<Array<{ tlsOffered: string }>>('SELECT @@have_ssl AS tlsOffered');
      const tlsOffered = server?.tlsOffered;
      expect(tlsOffered).toMatch(/^(YES|NO|DISABLED)$/);
      // The test server (Debian's MariaDB, as set up by npm test) offers no TLS; a server that does would accept both.
      if (tlsOffered === 'YES') {
        await expect(tls.$queryRawUnsafe('SELECT 1')).resolves.toBeDefined();
      } else {
        await expect(tls.$queryRawUnsafe('SELECT 1')).rejects.toThrow();
      }
    } finally {
      await Promise.all([plain.$disconnect(), tls.$disconnect()]);
    }
  }, 30_000);
});

describe('starting without a mode', () => {
  function start(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    // Only what a bare machine has: no mode, none of the settings the tests set.
    const bare = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env };
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script)], { cwd: root, env: bare, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });
  }

  it('the BFF and the worker refuse to start, naming every missing setting', async () => {
    const [bff, worker] = await Promise.all([start('bff/src/main.ts', {}), start('bff/src/worker.ts', { WECHAT_API_BASE: 'http://127.0.0.1:9800' })]);
    expect(bff.code).toBe(1);
    for (const name of ['DATA_ENCRYPTION_KEYS', 'FILE_URL_SECRET', 'WECHAT_APPID', 'WECHAT_SECRET', 'DATABASE_URL']) expect(bff.output).toContain(`  - ${name}: `);
    expect(bff.output).toMatch(/^Invalid configuration/m);
    expect(worker.code).toBe(1);
    expect(worker.output).toContain('  - WECHAT_API_BASE: points at this machine (http://127.0.0.1:9800)');
    expect(worker.output).toContain('  - DATA_ENCRYPTION_KEYS: required outside development/test/demo mode');
  }, 60_000);
});
