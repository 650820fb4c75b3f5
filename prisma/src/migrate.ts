import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { readFileSync } from 'node:fs';
import { databaseSslOptions, databaseTransportFromEnv, parseDatabaseUrl } from './database-url';

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records each one in
 * Prisma's own `_prisma_migrations` table, because `prisma migrate` cannot run on our machines
 * (it needs a native schema engine it cannot download). The rows are what `prisma migrate` writes,
 * so the tool could take over again later.
 */
export type MigrateOptions = {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (line: string) => void;
  /** Seconds to wait for another process that holds the migration lock. */
  lockTimeoutSeconds?: number;
};

export type MigrateResult = { applied: string[]; skipped: string[] };

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export const defaultMigrationsDir = path.resolve(__dirname, '../migrations');
/**
 * The lock is the database's own: GET_LOCK names are server-wide, and two processes migrating two
 * different databases on one server (test suites, a demo beside CI) must not queue behind each other.
 */
function lockNameOf(database: string): string {
  return `govpocket_migrate_${createHash('sha256').update(database).digest('hex').slice(0, 32)}`;
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS \`_prisma_migrations\` (
  \`id\` VARCHAR(36) NOT NULL,
  \`checksum\` VARCHAR(64) NOT NULL,
  \`finished_at\` DATETIME(3) NULL,
  \`migration_name\` VARCHAR(255) NOT NULL,
  \`logs\` TEXT NULL,
  \`rolled_back_at\` DATETIME(3) NULL,
  \`started_at\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  \`applied_steps_count\` INTEGER UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

type MigrationFile = { name: string; sql: string; checksum: string };

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined);
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const target = parseDatabaseUrl(options.databaseUrl);
  const lockName = lockNameOf(target.database);
  const connection = await mysql.createConnection({ ...target, ...transportOptions(), multipleStatements: true, charset: 'utf8mb4' });
  try {
    await acquireLock(connection, lockName, options.lockTimeoutSeconds ?? 120);
    try {
      return await applyPending(connection, migrations, log);
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await connection.end();
  }
}

async function acquireLock(connection: mysql.Connection, lockName: string, timeoutSeconds: number): Promise<void> {
  const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT GET_LOCK(?, ?) AS acquired', [lockName, timeoutSeconds]);
  if (rows[0]?.acquired !== 1) {
    throw new MigrationError(`Another process has been migrating this database for more than ${timeoutSeconds}s; try again when it has finished`);
  }
}

async function applyPending(connection: mysql.Connection, migrations: MigrationFile[], log: (line: string) => void): Promise<MigrateResult> {
  await connection.query(createMigrationsTable);
  const [rows] = await connection.query<(MigrationRow & mysql.RowDataPacket)[]>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM `_prisma_migrations` WHERE rolled_back_at IS NULL ORDER BY started_at',
  );
  const recorded = new Map(rows.map((row) => [row.migration_name, row]));

  const failed = rows.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed half-way and the database may be partly changed. ` +
        `Repair the database by hand, then set rolled_back_at on its _prisma_migrations row to retry it. Error was: ${failed.logs ?? 'unknown'}`,
    );
  }
  for (const migration of migrations) {
    const row = recorded.get(migration.name);
    if (row && row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ` +
          `${migration.checksum.slice(0, 12)}… on disk). Never edit an applied migration: add a new one.`,
      );
    }
  }

  const result: MigrateResult = { applied: [], skipped: [] };
  for (const migration of migrations) {
    if (recorded.has(migration.name)) {
      result.skipped.push(migration.name);
      continue;
    }
    await applyOne(connection, migration);
    log(`applied ${migration.name}`);
    result.applied.push(migration.name);
  }
  return result;
}

async function applyOne(connection: mysql.Connection, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await connection.query(
    'INSERT INTO `_prisma_migrations` (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, CURRENT_TIMESTAMP(3), 0)',
    [id, migration.checksum, migration.name],
  );
  try {
    await connection.query(migration.sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await connection.query('UPDATE `_prisma_migrations` SET logs = ? WHERE id = ?', [message, id]);
    throw new MigrationError(`Migration ${migration.name} failed: ${message}. The database may be partly changed; see _prisma_migrations.logs.`);
  }
  await connection.query('UPDATE `_prisma_migrations` SET finished_at = CURRENT_TIMESTAMP(3), applied_steps_count = 1 WHERE id = ?', [id]);
}

/** mysql2's TLS settings from the same DATABASE_SSL* variables the Prisma client reads. */
function transportOptions(): { ssl?: { ca?: string; rejectUnauthorized: true } } {
  const ssl = databaseSslOptions(databaseTransportFromEnv(), (file) => readFileSync(file, 'utf8'));
  return ssl ? { ssl } : {};
}

/** Creates the database named in the URL when it does not exist yet. */
export async function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  const { database, ...server } = parseDatabaseUrl(databaseUrl);
  const connection = await mysql.createConnection({ ...server, ...transportOptions() });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}
