import { createDatabaseIfMissing, migrate, MigrationError } from './migrate';

/** `npm run migrate`: creates the database if needed and applies pending migrations. */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/govpocket';
  await createDatabaseIfMissing(databaseUrl);
  const result = await migrate({ databaseUrl, log: (line) => console.log(`[migrate] ${line}`) });
  console.log(`[migrate] ${result.applied.length} applied, ${result.skipped.length} already applied`);
}

main().catch((error: unknown) => {
  console.error(`[migrate] ${error instanceof MigrationError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
