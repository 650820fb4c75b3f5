import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl, withDatabase } from '../../prisma/src/database-url';
import { freePort } from '../support/private-server';
import { cloneRepository, type StandaloneClone } from '../support/standalone-clone';
import { testServerUrl } from '../support/test-env';

/**
 * `npm run demo` end to end (minus the install and build steps that `npm test` has just done), run
 * from a fresh clone of this commit with no folder beside it (tests/support/standalone-clone.ts:
 * dependencies, the Prisma client and the H5 build are linked in): migrates and seeds a fresh
 * database, starts the fake WeChat, the BFF and the H5 server, and a person can open the app and
 * sign in as a demo persona.
 */
let clone: StandaloneClone | undefined;
const database = `govpocket_demo_${process.pid}`;
let demo: ChildProcess | undefined;
let output = '';

async function dropDatabase(): Promise<void> {
  const { database: _unused, ...server } = parseDatabaseUrl(testServerUrl);
  const connection = await mysql.createConnection(server);
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.end();
}

function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not print ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = (): void => {
      const match = output.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    demo?.stdout?.on('data', check);
    demo?.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}:\n${output}`));
    });
    check();
  });
}

afterAll(async () => {
  if (demo && demo.exitCode === null) {
    const exited = new Promise((resolve) => demo?.once('exit', resolve));
    demo.kill('SIGTERM');
    await exited;
  }
  await dropDatabase();
  await clone?.remove();
}, 60_000);

describe('npm run demo', () => {
  it('serves the H5 app, the BFF and the fake WeChat, seeded with the demo city', async () => {
    const [h5Port, bffPort, fakePort] = await Promise.all([freePort(), freePort(), freePort()]);
    clone = await cloneRepository({ withBuild: true });
    const root = clone.dir;
    demo = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/demo.ts')], {
      cwd: root,
      env: {
        ...process.env,
        // As a person runs it: no mode set (the demo puts itself in demo mode).
        NODE_ENV: undefined,
        APP_MODE: undefined,
        DEMO_SKIP_BUILD: '1',
        DEMO_PORT: String(h5Port),
        PORT: String(bffPort),
        FAKE_WECHAT_PORT: String(fakePort),
        DATABASE_URL: withDatabase(testServerUrl, database),
        REDIS_KEY_PREFIX: `demo${process.pid}:`,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    demo.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    demo.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [, url] = await waitForOutput(/Open (http:\/\/127\.0\.0\.1:\d+\/)/, 120000);
    expect(url).toBe(`http://127.0.0.1:${h5Port}/`);

    const page = await fetch(url ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"');

    const bff = `http://127.0.0.1:${bffPort}`;
    expect(await (await fetch(`${bff}/readyz`)).json()).toMatchObject({ status: 'ok' });
    const { code } = (await (await fetch(`http://127.0.0.1:${fakePort}/__control/login-code`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personaKey: 'window-chen' }),
    })).json()) as { code: string };
    const login = await fetch(`${bff}/auth/wechat`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${h5Port}` }, body: JSON.stringify({ code }) });
    expect(login.status).toBe(200);
    expect(login.headers.get('access-control-allow-origin')).toBe(`http://127.0.0.1:${h5Port}`);
    const session = (await login.json()) as { user: { roles: Array<{ role: string; scopeName: string }> } };
    expect(session.user.roles).toEqual([expect.objectContaining({ role: 'WINDOW_STAFF', scopeName: '清江市民中心政务服务大厅' })]);
    expect(await (await fetch(`${bff}/guides?pageSize=1`)).json()).toMatchObject({ total: 48 });
  }, 150000);
});
