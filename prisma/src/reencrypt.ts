import type { PrismaClient } from '../generated/client/client';
import { blobKeyId, decryptPersonal, encryptPersonal, parseKeyRing, personalDataColumns, PersonalDataUnreadableError, type KeyRing, type PersonalDataField } from './personal-data';

/**
 * `npm run reencrypt`: after a new key is put first in DATA_ENCRYPTION_KEYS, rewrites every
 * personal-data blob not yet under it (older keys, first-format blobs without a key id or row
 * binding) with the current key, in batches of `batchSize` rows per column. Each row is updated
 * only if its blob is still the one read, so a write racing the job is never overwritten; run it
 * again until it reports nothing left. Blobs no key opens are counted and left alone.
 */
export type ReencryptReport = {
  columns: Array<{ field: PersonalDataField; scanned: number; rewritten: number; current: number; unreadable: number; raced: number }>;
  currentKeyId: string;
};

export async function reencryptPersonalData(
  prisma: PrismaClient,
  options: { batchSize?: number; ring?: KeyRing; log?: (line: string) => void } = {},
): Promise<ReencryptReport> {
  const ring = options.ring ?? parseKeyRing();
  const batchSize = options.batchSize ?? 500;
  const currentKeyId = (ring.keys[0] as { id: string }).id;
  const report: ReencryptReport = { columns: [], currentKeyId };
  for (const { table, column } of personalDataColumns) {
    const field = `${table}.${column}` as PersonalDataField;
    const counts = { field, scanned: 0, rewritten: 0, current: 0, unreadable: 0, raced: 0 };
    let after = '';
    for (;;) {
      // Table and column names come from the fixed list above, never from input.
      const rows = await prisma.$queryRawUnsafe<Array<{ id: string; blob: string }>>(
        `SELECT \`id\`, \`${column}\` AS \`blob\` FROM \`${table}\` WHERE \`id\` > ? AND \`${column}\` IS NOT NULL ORDER BY \`id\` LIMIT ?`,
        after,
        batchSize,
      );
      if (rows.length === 0) break;
      after = (rows[rows.length - 1] as { id: string }).id;
      for (const row of rows) {
        counts.scanned += 1;
        if (blobKeyId(row.blob) === currentKeyId) {
          counts.current += 1;
          continue;
        }
        const place = { field, rowId: row.id };
        let text: string;
        try {
          text = decryptPersonal(row.blob, place, ring);
        } catch (error) {
          if (!(error instanceof PersonalDataUnreadableError)) throw error;
          counts.unreadable += 1;
          continue;
        }
        const changed = await prisma.$executeRawUnsafe(
          `UPDATE \`${table}\` SET \`${column}\` = ? WHERE \`id\` = ? AND \`${column}\` = ?`,
          encryptPersonal(text, place, ring),
          row.id,
          row.blob,
        );
        if (changed === 1) counts.rewritten += 1;
        else counts.raced += 1;
      }
      options.log?.(`${field}: ${counts.scanned} rows scanned, ${counts.rewritten} rewritten`);
    }
    report.columns.push(counts);
  }
  return report;
}
