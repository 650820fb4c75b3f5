import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../../prisma/src/database-url';
import { databasePrefix, testServerUrl, workerRedisUrl } from './test-env';

/** Drops this run's databases and Redis keys. */
export default async function globalTeardown(globalConfig: { maxWorkers: number }): Promise<void> {
  const runId = process.env.GOVPOCKET_TEST_RUN_ID;
  if (!runId) return;
  const { database: _unused, ...server } = parseDatabaseUrl(testServerUrl);
  const connection = await mysql.createConnection(server);
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?', [`${databasePrefix}${runId}\\_%`]);
    for (const { name } of rows) await connection.query(`DROP DATABASE IF EXISTS \`${String(name)}\``);
  } finally {
    await connection.end();
  }
  for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker += 1) {
    const redis = new Redis(workerRedisUrl(worker));
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `t${runId}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
  }
}
