import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import IORedis, { type Redis } from 'ioredis';
import request from 'supertest';
import { loadConfig } from '../../bff/src/config';
import { connectRedis, redisTarget } from '../../bff/src/platform/redis';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { loginAs } from '../support/factories';
import { freePort } from '../support/private-server';

/**
 * Redis behind Sentinel, as docs/deployment.md describes it: a primary, a replica and a sentinel of
 * our own. The BFF finds the primary through the sentinel (REDIS_SENTINELS), and when the primary
 * dies and the sentinel promotes the replica, the same connection carries on: no restart.
 */
const children: ChildProcess[] = [];
let dir: string;
let primary: ChildProcess;
let primaryPort: number;
let replicaPort: number;
let sentinelPort: number;
let t: WechatTestApp | undefined;
let direct: Redis | undefined;

function redisServer(args: string[]): ChildProcess {
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  children.push(child);
  return child;
}

async function eventually<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A plain connection to one of our servers, once it listens. */
function openWhenUp(port: number): Promise<Redis> {
  return eventually(async () => {
    const redis = new IORedis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return redis;
    } catch (error) {
      redis.disconnect();
      throw error;
    }
  }, 10_000);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'govpocket-sentinel-'));
  [primaryPort, replicaPort, sentinelPort] = [await freePort(), await freePort(), await freePort()];
  const common = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  primary = redisServer(['--port', String(primaryPort), ...common]);
  redisServer(['--port', String(replicaPort), ...common, '--replicaof', '127.0.0.1', String(primaryPort)]);
  const sentinelConfig = path.join(dir, 'sentinel.conf');
  await writeFile(sentinelConfig, [
    `port ${sentinelPort}`,
    'bind 127.0.0.1',
    `dir ${dir}`,
    `sentinel monitor govpocket 127.0.0.1 ${primaryPort} 1`,
    'sentinel down-after-milliseconds govpocket 1000',
    'sentinel failover-timeout govpocket 5000',
    '',
  ].join('\n'));
  redisServer([sentinelConfig, '--sentinel']);
  // The sentinel must know the replica before it can promote it.
  const sentinel = await openWhenUp(sentinelPort);
  await eventually(async () => {
    const replicas = (await sentinel.call('SENTINEL', 'REPLICAS', 'govpocket')) as unknown[];
    if (replicas.length === 0) throw new Error('the sentinel has not discovered the replica yet');
  }, 20_000);
  sentinel.disconnect();
  const config = loadConfig({ ...process.env, REDIS_URL: 'redis://127.0.0.1:6379/0', REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`, REDIS_SENTINEL_NAME: 'govpocket' });
  t = await createWechatTestApp({ REDIS_URL: config.REDIS_URL, REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`, REDIS_SENTINEL_NAME: 'govpocket' });
  direct = await connectRedis(redisTarget(config));
}, 60_000);

afterAll(async () => {
  direct?.disconnect();
  await t?.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

describe('Redis Sentinel', () => {
  it('parses the sentinel list and rejects a malformed one with a clear message', () => {
    const config = loadConfig({ APP_MODE: 'test', REDIS_SENTINELS: '10.0.2.11:26379, 10.0.2.12:26379', REDIS_SENTINEL_NAME: 'gp' });
    expect(config.REDIS_SENTINELS).toEqual(['10.0.2.11:26379', '10.0.2.12:26379']);
    expect(() => loadConfig({ APP_MODE: 'test', REDIS_SENTINELS: 'sentinel-without-port' })).toThrow(/REDIS_SENTINELS.*must be host:port pairs/);
  });

  it('finds the primary through the sentinel and follows a failover without a restart', async () => {
    if (!t || !direct) throw new Error('setup failed');
    const app = t;
    // No server was named: the sentinel said where the primary is.
    expect(await direct.call('CONFIG', 'GET', 'port')).toEqual(['port', String(primaryPort)]);
    await direct.set('sentinel-probe', 'before');
    const resident = await loginAs(app);
    expect((await request(app.app.callback()).get('/me').set(resident.auth)).status).toBe(200);

    // The session is on the primary; wait until the replica has it too, then kill the primary.
    await eventually(async () => {
      const replica = await openWhenUp(replicaPort);
      try {
        if ((await replica.get('sentinel-probe')) !== 'before') throw new Error('not replicated yet');
      } finally {
        replica.disconnect();
      }
    }, 10_000);
    primary.kill('SIGKILL');

    // During the failover requests may answer 503; afterwards the promoted replica serves them.
    await eventually(async () => {
      await direct?.set('sentinel-probe', 'after');
    }, 30_000);
    expect(await direct.get('sentinel-probe')).toBe('after');
    expect(await direct.call('CONFIG', 'GET', 'port')).toEqual(['port', String(replicaPort)]);
    const master = (await openWhenUp(sentinelPort).then(async (sentinel) => {
      try {
        return await sentinel.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'govpocket');
      } finally {
        sentinel.disconnect();
      }
    })) as string[];
    expect(master).toEqual(['127.0.0.1', String(replicaPort)]);

    const me = await eventually(async () => {
      const response = await request(app.app.callback()).get('/me').set(resident.auth);
      if (response.status !== 200) throw new Error(`GET /me answered ${response.status}`);
      return response;
    }, 30_000);
    expect(me.status).toBe(200);
    // New sign-ins land on the promoted primary as well.
    const another = await eventually(() => loginAs(app), 10_000);
    expect((await request(app.app.callback()).get('/me').set(another.auth)).status).toBe(200);
  }, 90_000);
});
