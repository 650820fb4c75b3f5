import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl, withDatabase } from '../../prisma/src/database-url';
import { migrate } from '../../prisma/src/migrate';

/**
 * Every test file gets a freshly migrated database of its own (and, from worker-env.ts, a Redis
 * key prefix of its own): no suite can see rows another suite left behind, so counts, inboxes and
 * pages never depend on the order jest happens to run the files in. The database stays until
 * global teardown drops all of the run's databases: jest runs afterAll hooks in the order they
 * were declared, so dropping it here would pull it away before the suite's own clean-up ran.
 */
const workerUrl = process.env.DATABASE_URL ?? '';
const suiteName = `${parseDatabaseUrl(workerUrl).database}_${randomBytes(4).toString('hex')}`;
const { database: _unused, ...server } = parseDatabaseUrl(workerUrl);

async function onServer(statement: string): Promise<void> {
  const connection = await mysql.createConnection(server);
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

beforeAll(async () => {
  await onServer(`CREATE DATABASE \`${suiteName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = withDatabase(workerUrl, suiteName);
  await migrate({ databaseUrl: url });
  process.env.DATABASE_URL = url;
}, 60_000);
