import { createPrismaClient } from './client';
import { reencryptPersonalData } from './reencrypt';

/** `npm run reencrypt`: rewrites personal data under the first key of DATA_ENCRYPTION_KEYS. */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/govpocket';
  const batchSize = Number(process.env.REENCRYPT_BATCH_SIZE ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('REENCRYPT_BATCH_SIZE must be a positive integer');
  const prisma = createPrismaClient(databaseUrl, { connectionLimit: 2 });
  try {
    const report = await reencryptPersonalData(prisma, { batchSize, log: (line) => console.log(`[reencrypt] ${line}`) });
    for (const column of report.columns) {
      console.log(`[reencrypt] ${column.field}: ${column.rewritten} rewritten, ${column.current} already under ${report.currentKeyId}, ${column.unreadable} unreadable, ${column.raced} changed meanwhile`);
    }
    const left = report.columns.reduce((sum, column) => sum + column.raced, 0);
    if (left > 0) console.log(`[reencrypt] ${left} rows changed while the job ran: run it again`);
    const unreadable = report.columns.reduce((sum, column) => sum + column.unreadable, 0);
    if (unreadable > 0) {
      console.error(`[reencrypt] ${unreadable} blobs no key of the ring opens: keep the old keys until they are accounted for`);
      process.exitCode = 2;
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`[reencrypt] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
