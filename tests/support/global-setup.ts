import { spawnSync } from 'node:child_process';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../../prisma/src/database-url';
import { migrate } from '../../prisma/src/migrate';
import { databasePrefix, testServerUrl, workerDatabaseName, workerDatabaseUrl } from './test-env';

type GlobalConfig = { maxWorkers: number };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure MySQL and Redis run, then gives every jest worker a freshly migrated database of
 * this run's own. Databases left behind by runs that died are dropped.
 */
export default async function globalSetup(globalConfig: GlobalConfig): Promise<void> {
  const services = spawnSync(process.execPath, [path.resolve(__dirname, '../../scripts/services.mjs')], { encoding: 'utf8', env: process.env });
  if (services.status !== 0) throw new Error(`MySQL/Redis are not available:\n${services.stderr}`);

  const runId = String(process.pid);
  process.env.GOVPOCKET_TEST_RUN_ID = runId;
  const workers = Math.max(1, globalConfig.maxWorkers);
  const { database: _unused, ...server } = parseDatabaseUrl(testServerUrl);
  const connection = await mysql.createConnection(server);
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?', [`${databasePrefix}%`]);
    for (const { name } of rows) {
      const owner = Number(/^govpocket_t(\d+)_/.exec(String(name))?.[1]);
      if (owner && !isRunning(owner)) await connection.query(`DROP DATABASE IF EXISTS \`${String(name)}\``);
    }
    await Promise.all(
      Array.from({ length: workers }, async (_, index) => {
        const name = workerDatabaseName(runId, index + 1);
        await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
        await migrate({ databaseUrl: workerDatabaseUrl(runId, index + 1) });
      }),
    );
  } finally {
    await connection.end();
  }
}
