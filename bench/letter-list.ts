import { performance } from 'node:perf_hooks';
import { encryptPersonal, hashPersonal, newRecordId, type Prisma, type PrismaClient } from '@govpocket/db';
import type { MailboxDeps } from '../bff/src/modules/mailbox';
import { listDepartmentLetters } from '../bff/src/modules/mailbox/staff-service';
import { summarise, type LatencySummary } from './stats';

/**
 * The department handler's letter list with 100,000 letters in the database: 20 departments, the
 * measured one holding a tenth of them, about a third of its letters still open. Pages of 20 by
 * keyset on (openDepartmentId, replyDueAt, id); the first page and the hundredth are each fetched
 * `rounds` times through the service (Prisma, urgency colours included).
 */
const total = 100_000;
const departments = 20;
const pageSize = 20;
const benchPrefix = 'BN';

export type LetterListFigures = { letters: number; openInDepartment: number; firstPage: LatencySummary; hundredthPage: LatencySummary; seedMs: number };

async function ensureLetters(prisma: PrismaClient): Promise<{ departmentId: string; seedMs: number }> {
  const start = performance.now();
  const departmentIds: string[] = [];
  for (let index = 0; index < departments; index += 1) {
    const name = `基准测试局${String(index).padStart(2, '0')}`;
    departmentIds.push((await prisma.department.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })).id);
  }
  const [target, office] = departmentIds;
  if (!target || !office) throw new Error('no bench departments');
  const mailbox = await prisma.mailbox.upsert({ where: { name: '基准测试信箱' }, create: { name: '基准测试信箱', kind: 'LEADER', ownerDepartmentId: office, description: '基准测试' }, update: {}, select: { id: true } });
  const resident = await prisma.user.upsert({ where: { openid: 'oBENCH_letters' }, create: { openid: 'oBENCH_letters' }, update: {}, select: { id: true } });
  const existing = await prisma.letter.count({ where: { trackingCode: { startsWith: benchPrefix } } });
  const last4 = hashPersonal('0000');
  const base = new Date('2026-06-01T01:00:00Z').getTime();
  for (let from = existing; from < total; from += 2000) {
    const rows: Prisma.LetterCreateManyInput[] = [];
    for (let index = from; index < Math.min(total, from + 2000); index += 1) {
      // Every 10th letter goes to the measured department; a third of all letters are still open.
      const departmentId = index % 10 === 0 ? target : (departmentIds[1 + (index % (departments - 1))] ?? target);
      const isOpen = index % 3 === 0;
      const submittedAt = new Date(base + index * 137_000);
      const replyDueAt = new Date(submittedAt.getTime() + 21 * 86_400_000 + (index % 97) * 60_000);
      // Each blob is bound to its row, so each letter gets its own id and ciphertext.
      const id = newRecordId();
      rows.push({
        id, trackingCode: `${benchPrefix}${String(index).padStart(8, '0')}`, mailboxId: mailbox.id, ownerDepartmentId: office, departmentId, openDepartmentId: isOpen ? departmentId : null,
        residentId: resident.id, idempotencyKey: `bench-${index}`, type: 'SUGGEST', status: isOpen ? 'ASSIGNED' : 'CLOSED', title: `基准测试来信${index}`, body: '基准测试来信内容，用于测量部门信件列表的分页性能。',
        contactPhoneEncrypted: encryptPersonal('13900000000', { field: 'Letter.contactPhoneEncrypted', rowId: id }), contactPhoneLast4Hash: last4, isPublishAgreed: false, submittedAt, acceptDueAt: new Date(submittedAt.getTime() + 2 * 86_400_000),
        acceptedAt: submittedAt, assignedAt: submittedAt, replyDueAt, closedAt: isOpen ? null : replyDueAt,
      });
    }
    await prisma.letter.createMany({ data: rows, skipDuplicates: true });
  }
  return { departmentId: target, seedMs: performance.now() - start };
}

export async function benchLetterList({ deps, rounds = 200 }: { deps: MailboxDeps; rounds?: number }): Promise<LetterListFigures> {
  const { prisma } = deps;
  const { departmentId, seedMs } = await ensureLetters(prisma);
  // Walk once to the hundredth page to learn its cursor.
  let cursor: string | undefined;
  for (let page = 1; page < 100; page += 1) {
    const answer = await listDepartmentLetters(deps, { departmentId, cursor, limit: pageSize });
    if (!answer.nextCursor) throw new Error(`only ${page} pages of open letters`);
    cursor = answer.nextCursor;
  }
  const hundredthCursor = cursor;
  const measure = async (pageCursor: string | undefined): Promise<LatencySummary> => {
    for (let warm = 0; warm < 10; warm += 1) await listDepartmentLetters(deps, { departmentId, cursor: pageCursor, limit: pageSize });
    const samples: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const start = performance.now();
      const answer = await listDepartmentLetters(deps, { departmentId, cursor: pageCursor, limit: pageSize });
      samples.push(performance.now() - start);
      if (answer.letters.length !== pageSize) throw new Error('short page');
    }
    return summarise(samples);
  };
  return {
    letters: await prisma.letter.count(),
    openInDepartment: await prisma.letter.count({ where: { openDepartmentId: departmentId } }),
    firstPage: await measure(undefined),
    hundredthPage: await measure(hundredthCursor),
    seedMs,
  };
}
