import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { freePort, superviseServer } from './private-server';

/**
 * A MariaDB server of the test's own, on a throwaway datadir, so a test can kill and restart it
 * without touching the shared server every other suite uses. stop() kills it outright (SIGKILL,
 * as a crash or an OOM kill would), so start() runs InnoDB crash recovery on the same datadir.
 */
export type PrivateMysql = {
  /** `mysql://root@127.0.0.1:<port>/<database>` for a database created by the caller. */
  urlFor: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Kills the server (if running) and deletes the datadir. */
  destroy: () => Promise<void>;
};

function findBinary(name: string, candidates: string[]): string {
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim() : candidates.find((candidate) => spawnSync('test', ['-x', candidate]).status === 0);
  if (!found) throw new Error(`${name} is not installed (apt-get install -y mariadb-server)`);
  return found;
}

async function answers(port: number): Promise<boolean> {
  try {
    const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
    await connection.query('SELECT 1');
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

export async function startPrivateMysql(): Promise<PrivateMysql> {
  const mariadbd = findBinary('mariadbd', ['/usr/sbin/mariadbd', '/usr/bin/mariadbd']);
  const installDb = findBinary('mariadb-install-db', ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db']);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'govpocket-mysql-'));
  const datadir = path.join(dir, 'data');
  // Root with an empty password over TCP, like the shared test server (no unix_socket auth); a
  // small redo log keeps the datadir at ~25 MB instead of ~115 MB.
  const init = spawnSync(installDb, [
    '--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root', '--innodb-log-file-size=8M',
  ], { encoding: 'utf8' });
  if (init.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed:\n${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const { start, stop } = superviseServer({
    name: 'mariadbd',
    spawnServer: () => spawn(mariadbd, [
      '--no-defaults', `--datadir=${datadir}`, `--port=${port}`, '--bind-address=127.0.0.1',
      `--socket=${path.join(dir, 'mysqld.sock')}`, `--pid-file=${path.join(dir, 'mysqld.pid')}`, '--user=root',
      '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci', '--skip-log-bin',
      '--innodb-buffer-pool-size=64M', '--innodb-log-file-size=8M', '--max-connections=200',
    ], { stdio: 'ignore' }),
    isReady: () => answers(port),
    startTimeoutMs: 20_000,
  });

  try {
    await start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    urlFor: (database) => `mysql://root@127.0.0.1:${port}/${database}`,
    port,
    stop,
    start,
    destroy: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
