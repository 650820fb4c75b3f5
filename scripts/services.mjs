#!/usr/bin/env node
// Makes sure MySQL (MariaDB) and Redis answer at the configured URLs. When one does not and its
// Debian binary exists, a private instance is started with its data under .data/ and we say so;
// when the binary is missing we print the exact install command and fail.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '.data');

export const defaultDatabaseUrl = 'mysql://root@127.0.0.1:3306/govpocket';
export const defaultRedisUrl = 'redis://127.0.0.1:6379';

function isPortOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open) => { socket.destroy(); resolve(open); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitForPort(host, port, what, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isPortOpen(host, port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not start listening on ${host}:${port} within ${timeoutMs / 1000}s (see .data/*.log)`);
}

function findBinary(name, candidates) {
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

const isLocal = (host) => ['127.0.0.1', 'localhost', '::1'].includes(host);

async function ensureMysql(url) {
  const { hostname, port: portText } = new URL(url);
  const host = hostname || '127.0.0.1';
  const port = Number(portText || 3306);
  if (await isPortOpen(host, port)) return `MySQL reachable at ${host}:${port}`;
  if (!isLocal(host)) throw new Error(`MySQL at ${host}:${port} is not reachable and is not on this machine; check DATABASE_URL`);
  const mariadbd = findBinary('mariadbd', ['/usr/sbin/mariadbd', '/usr/bin/mariadbd']);
  const installDb = findBinary('mariadb-install-db', ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db']);
  if (!mariadbd || !installDb) {
    throw new Error('MySQL is not running and MariaDB is not installed. Install it with:\n  apt-get update && apt-get install -y mariadb-server');
  }
  const dir = path.join(dataDir, `mysql-${port}`);
  if (!existsSync(path.join(dir, 'mysql'))) {
    mkdirSync(dir, { recursive: true });
    const init = spawnSync(installDb, ['--no-defaults', `--datadir=${dir}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root'], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`mariadb-install-db failed:\n${init.stderr || init.stdout}`);
  }
  const log = openSync(path.join(dataDir, `mysql-${port}.log`), 'a');
  const child = spawn(mariadbd, [
    '--no-defaults', `--datadir=${dir}`, `--port=${port}`, '--bind-address=127.0.0.1',
    `--socket=${path.join(dir, 'mysqld.sock')}`, `--pid-file=${path.join(dir, 'mysqld.pid')}`, '--user=root',
    '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci', '--max-connections=500',
  ], { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  await waitForPort('127.0.0.1', port, 'MariaDB');
  return `MySQL was not running: started a private MariaDB on 127.0.0.1:${port} with data in ${path.relative(root, dir)}/`;
}

async function ensureRedis(url) {
  const { hostname, port: portText } = new URL(url);
  const host = hostname || '127.0.0.1';
  const port = Number(portText || 6379);
  if (await isPortOpen(host, port)) return `Redis reachable at ${host}:${port}`;
  if (!isLocal(host)) throw new Error(`Redis at ${host}:${port} is not reachable and is not on this machine; check REDIS_URL`);
  const redisServer = findBinary('redis-server', ['/usr/bin/redis-server']);
  if (!redisServer) throw new Error('Redis is not running and not installed. Install it with:\n  apt-get update && apt-get install -y redis-server');
  const dir = path.join(dataDir, `redis-${port}`);
  mkdirSync(dir, { recursive: true });
  const started = spawnSync(redisServer, [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--daemonize', 'yes',
    '--save', '', '--appendonly', 'no', '--logfile', path.join(dataDir, `redis-${port}.log`),
  ], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`redis-server failed to start:\n${started.stderr || started.stdout}`);
  await waitForPort('127.0.0.1', port, 'Redis');
  return `Redis was not running: started a private redis-server on 127.0.0.1:${port} with data in ${path.relative(root, dir)}/`;
}

export async function ensureServices(env = process.env) {
  mkdirSync(dataDir, { recursive: true });
  const mysql = await ensureMysql(env.DATABASE_URL || defaultDatabaseUrl);
  const redis = await ensureRedis(env.REDIS_URL || defaultRedisUrl);
  return [mysql, redis];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureServices().then(
    (lines) => lines.forEach((line) => console.log(`[services] ${line}`)),
    (error) => { console.error(`[services] ${error.message}`); process.exit(1); },
  );
}
