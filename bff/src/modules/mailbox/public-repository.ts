import type { Prisma } from '@govpocket/db';
import type { Db } from './repository';
import { keysetWhere } from './staff-repository';

/** The public side reads only published, masked copies, and counts for the statistics. */

/** The resident's own texts (to mask) and the stored public copy with its state. */
export async function findPublicationSource(db: Db, id: string) {
  return db.letter.findUnique({
    where: { id },
    select: {
      title: true, body: true, resident: { select: { nickname: true } }, replies: { where: { status: 'APPROVED' }, select: { body: true }, orderBy: { round: 'desc' }, take: 1 },
      isPublished: true, publishedAt: true, publicTitle: true, publicBody: true, publicReply: true, publicEditedAt: true, publicWithdrawnAt: true, publicWithdrawnReason: true,
    },
  });
}
export type PublicationSource = NonNullable<Awaited<ReturnType<typeof findPublicationSource>>>;

/** A letter the office withdrew from 信件选登 (the public detail says so instead of "not found"). */
export async function isWithdrawnLetter(db: Db, id: string): Promise<boolean> {
  return (await db.letter.count({ where: { id, isPublished: false, publicWithdrawnAt: { not: null }, type: { not: 'REPORT' } } })) > 0;
}

const publicSelect = {
  id: true, type: true, publicTitle: true, publicBody: true, publicReply: true, submittedAt: true, repliedAt: true, publishedAt: true,
  mailbox: { select: { name: true } }, department: { select: { name: true } },
} satisfies Prisma.LetterSelect;
export type PublicLetterRow = Prisma.LetterGetPayload<{ select: typeof publicSelect }>;

export async function listPublishedLetters(db: Db, where: Prisma.LetterWhereInput, { after, limit }: { after: { at: Date; id: string } | null; limit: number }): Promise<PublicLetterRow[]> {
  const cursor = keysetWhere({ field: 'publishedAt', direction: 'desc', after });
  // 举报 is never public, whatever type the query asks for (AND keeps both conditions).
  const published: Prisma.LetterWhereInput = { AND: [where, { isPublished: true, type: { not: 'REPORT' } }] };
  return db.letter.findMany({ where: cursor ? { AND: [published, cursor] } : published, select: publicSelect, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
}

export async function findPublishedLetter(db: Db, id: string): Promise<PublicLetterRow | null> {
  return db.letter.findFirst({ where: { id, isPublished: true, type: { not: 'REPORT' } }, select: publicSelect });
}

/** The letters received in [from, to), with what the statistics count. */
export async function listLettersForStats(db: Db, { from, to }: { from: Date; to: Date }) {
  return db.letter.findMany({
    where: { submittedAt: { gte: from, lt: to } },
    select: {
      acceptedAt: true, repliedAt: true, replyDueAt: true, satisfaction: true, departmentId: true, ownerDepartmentId: true,
      department: { select: { name: true } }, ownerDepartment: { select: { name: true } },
    },
  });
}
