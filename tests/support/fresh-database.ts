import mysql from 'mysql2/promise';
import { parseDatabaseUrl, withDatabase } from '../../prisma/src/database-url';
import { migrate } from '../../prisma/src/migrate';

/**
 * For a suite that asserts on the whole catalogue (counts, export of everything): a migrated
 * database of its own, so rows other suites of the same worker left behind cannot change its
 * numbers. Call before creating the app; it points DATABASE_URL at the new database.
 */
export async function useFreshDatabase(label: string): Promise<{ drop: () => Promise<void> }> {
  const workerUrl = process.env.DATABASE_URL ?? '';
  const name = `${parseDatabaseUrl(workerUrl).database}_${label}`.slice(0, 64);
  const { database: _unused, ...server } = parseDatabaseUrl(workerUrl);
  const connection = await mysql.createConnection(server);
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  const url = withDatabase(workerUrl, name);
  await migrate({ databaseUrl: url });
  process.env.DATABASE_URL = url;
  return {
    drop: async () => {
      process.env.DATABASE_URL = workerUrl;
      const cleanup = await mysql.createConnection(server);
      await cleanup.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await cleanup.end();
    },
  };
}
