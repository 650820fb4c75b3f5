import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl, withDatabase } from '../../prisma/src/database-url';
import { createDatabaseIfMissing, migrate, MigrationError } from '../../prisma/src/migrate';
import { testServerUrl } from '../support/test-env';

const createdDatabases: string[] = [];
let serverConnection: mysql.Connection;

async function freshDatabase(): Promise<string> {
  const name = `govpocket_mig_${process.pid}_${createdDatabases.length}`;
  createdDatabases.push(name);
  const url = withDatabase(testServerUrl, name);
  await serverConnection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await createDatabaseIfMissing(url);
  return url;
}

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'govpocket-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const connection = await mysql.createConnection(parseDatabaseUrl(url));
  try {
    const [rows] = await connection.query(sql);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

const first = '20260101000000_create_hall';
const second = '20260102000000_add_window';
const files = {
  [first]: 'CREATE TABLE `Hall` (`id` VARCHAR(191) NOT NULL, `name` VARCHAR(100) NOT NULL, PRIMARY KEY (`id`)) DEFAULT CHARSET utf8mb4;\n',
  [second]: 'CREATE TABLE `Window` (`id` VARCHAR(191) NOT NULL, `hallId` VARCHAR(191) NOT NULL, PRIMARY KEY (`id`)) DEFAULT CHARSET utf8mb4;\nCREATE INDEX `Window_hallId_idx` ON `Window`(`hallId`);\n',
};

beforeAll(async () => {
  const { database: _unused, ...server } = parseDatabaseUrl(testServerUrl);
  serverConnection = await mysql.createConnection(server);
});

afterAll(async () => {
  for (const name of createdDatabases) await serverConnection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await serverConnection.end();
});

describe('migration runner', () => {
  it('applies pending migrations in order and records them the way prisma migrate does', async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir(files);
    const result = await migrate({ databaseUrl: url, migrationsDir: dir });
    expect(result).toEqual({ applied: [first, second], skipped: [] });

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null; id: string }>(
      url,
      'SELECT * FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual([first, second]);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
    const tables = await query<{ TABLE_NAME: string }>(url, 'SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME');
    expect(tables.map((table) => table.TABLE_NAME)).toEqual(['Hall', 'Window', '_prisma_migrations']);
    await rm(dir, { recursive: true });
  });

  it('is a no-op when run again', async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir(files);
    await migrate({ databaseUrl: url, migrationsDir: dir });
    const again = await migrate({ databaseUrl: url, migrationsDir: dir });
    expect(again).toEqual({ applied: [], skipped: [first, second] });
    const rows = await query<{ n: number }>(url, 'SELECT COUNT(*) AS n FROM _prisma_migrations');
    expect(Number(rows[0]?.n)).toBe(2);
  });

  it('refuses when an applied migration file was changed', async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir(files);
    await migrate({ databaseUrl: url, migrationsDir: dir });
    await writeFile(path.join(dir, first, 'migration.sql'), `${files[first]}-- edited afterwards\n`);
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(MigrationError);
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/20260101000000_create_hall was changed after it was applied/);
  });

  it('refuses to go on after a migration failed half-way, and says which', async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({
      [first]: files[first],
      '20260103000000_broken': 'CREATE TABLE `Slot` (`id` VARCHAR(191) NOT NULL, PRIMARY KEY (`id`));\nALTER TABLE `NoSuchTable` ADD COLUMN `x` INT;\n',
    });
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/20260103000000_broken failed/);
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/20260103000000_broken failed half-way/);
    const rows = await query<{ migration_name: string; finished_at: Date | null; logs: string | null }>(url, 'SELECT * FROM _prisma_migrations ORDER BY migration_name');
    expect(rows[1]).toMatchObject({ migration_name: '20260103000000_broken', finished_at: null });
    expect(rows[1]?.logs).toMatch(/NoSuchTable/);
  });

  it('serialises concurrent runners with an advisory lock', async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({
      [first]: `${files[first]}DO SLEEP(1);\n`,
      [second]: files[second],
    });
    const results = await Promise.all([migrate({ databaseUrl: url, migrationsDir: dir }), migrate({ databaseUrl: url, migrationsDir: dir }), migrate({ databaseUrl: url, migrationsDir: dir })]);
    const appliedCounts = results.map((result) => result.applied.length).sort();
    expect(appliedCounts).toEqual([0, 0, 2]);
    const rows = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM _prisma_migrations');
    expect(rows).toHaveLength(2);
  });

  it('applies the project migrations to an empty database', async () => {
    const url = await freshDatabase();
    const result = await migrate({ databaseUrl: url });
    expect(result.skipped).toEqual([]);
    expect(result.applied.every((name) => /^\d{14}_[a-z0-9_]+$/.test(name))).toBe(true);
  });
});
