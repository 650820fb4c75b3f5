import type { LetterStatus, Prisma } from '@govpocket/db';
import type { Db } from './repository';

/** Letter records the staff side reads and writes next to the status: assignments, replies, notes … */

export async function insertSupplementRequest(tx: Prisma.TransactionClient, data: { letterId: string; requestedById: string; request: string }): Promise<void> {
  await tx.letterSupplement.create({ data });
}

export async function closeOpenSupplement(tx: Prisma.TransactionClient, { letterId, response, at }: { letterId: string; response: string | null; at: Date }): Promise<void> {
  await tx.letterSupplement.updateMany({ where: { letterId, respondedAt: null, cancelledAt: null }, data: response === null ? { cancelledAt: at } : { response, respondedAt: at } });
}

export async function insertAssignment(tx: Prisma.TransactionClient, data: { letterId: string; departmentId: string; assignedById: string; reason?: string; instructions?: string; returnDueAt: Date }): Promise<void> {
  await tx.letterAssignment.create({ data });
}

export async function findCurrentAssignment(db: Db, letterId: string) {
  return db.letterAssignment.findFirst({ where: { letterId, endedAt: null, returnedAt: null }, select: { id: true, departmentId: true, returnDueAt: true }, orderBy: { createdAt: 'desc' } });
}

export async function endAssignment(tx: Prisma.TransactionClient, id: string, data: { endedAt: Date; returnedAt?: Date; returnedById?: string; returnReason?: string }): Promise<void> {
  await tx.letterAssignment.update({ where: { id }, data });
}

export async function insertNote(tx: Db, data: { letterId: string; authorId: string; body: string }): Promise<{ id: string }> {
  return tx.letterNote.create({ data, select: { id: true } });
}

/** The reply being worked on in this round (a draft, or one sent back for changes). */
export async function findWorkingReply(db: Db, { letterId, round }: { letterId: string; round: number }) {
  return db.letterReply.findFirst({ where: { letterId, round, status: { in: ['DRAFT', 'SENT_BACK', 'SUBMITTED'] } }, select: { id: true, status: true }, orderBy: { createdAt: 'desc' } });
}

export async function saveReply(
  tx: Prisma.TransactionClient,
  { id, letterId, round, departmentId, draftedById, body, isSubmitted, at }: { id: string | null; letterId: string; round: number; departmentId: string; draftedById: string; body: string; isSubmitted: boolean; at: Date },
): Promise<void> {
  const data = { body, draftedById, departmentId, status: isSubmitted ? ('SUBMITTED' as const) : ('DRAFT' as const), submittedAt: isSubmitted ? at : null, reviewComment: null };
  if (id) await tx.letterReply.update({ where: { id }, data });
  else await tx.letterReply.create({ data: { ...data, letterId, round } });
}

export async function reviewSubmittedReply(tx: Prisma.TransactionClient, { letterId, status, reviewedById, comment, at }: { letterId: string; status: 'APPROVED' | 'SENT_BACK'; reviewedById: string; comment: string | null; at: Date }) {
  const reply = await tx.letterReply.findFirst({ where: { letterId, status: 'SUBMITTED' }, select: { id: true, body: true, departmentId: true, department: { select: { name: true } } }, orderBy: { createdAt: 'desc' } });
  if (reply) await tx.letterReply.update({ where: { id: reply.id }, data: { status, reviewedById, reviewedAt: at, reviewComment: comment } });
  return reply;
}

export async function countExtensions(db: Db, letterId: string, statuses: Array<'PENDING' | 'APPROVED' | 'REJECTED'>): Promise<number> {
  return db.letterExtension.count({ where: { letterId, status: { in: statuses } } });
}

export async function insertExtension(tx: Prisma.TransactionClient, data: { letterId: string; departmentId: string; requestedById: string; days: number; reason: string }): Promise<void> {
  await tx.letterExtension.create({ data });
}

export async function findPendingExtension(db: Db, letterId: string) {
  return db.letterExtension.findFirst({ where: { letterId, status: 'PENDING' }, select: { id: true, days: true, reason: true } });
}

export async function decideExtension(tx: Prisma.TransactionClient, id: string, data: Prisma.LetterExtensionUncheckedUpdateInput): Promise<void> {
  await tx.letterExtension.update({ where: { id }, data });
}

export async function findMergeTarget(db: Db, id: string) {
  return db.letter.findUnique({ where: { id }, select: { id: true, trackingCode: true, title: true, status: true, ownerDepartmentId: true, mergedIntoId: true } });
}

const staffSelect = {
  id: true, trackingCode: true, type: true, status: true, title: true, body: true, submittedAt: true, acceptDueAt: true, replyDueAt: true, contentCheckStatus: true,
  contactPhoneEncrypted: true, isPublishAgreed: true, isPublished: true, isAwaitingSupplement: true, ownerDepartmentId: true, departmentId: true, extensionDays: true,
  reopenedCount: true, satisfaction: true, satisfactionComment: true, residentId: true,
  mailbox: { select: { name: true } },
  department: { select: { name: true } },
  mergedInto: { select: { trackingCode: true } },
  attachments: { select: { uploadedFileId: true, checkStatus: true }, orderBy: { sortOrder: 'asc' } },
  notes: { select: { id: true, body: true, createdAt: true, author: { select: { nickname: true, staffAccount: { select: { name: true } } } } }, orderBy: { createdAt: 'asc' } },
  replies: { select: { id: true, round: true, body: true, status: true, reviewComment: true, updatedAt: true }, orderBy: { createdAt: 'asc' } },
  extensions: { select: { id: true, days: true, reason: true, status: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
  supplements: { select: { id: true, request: true, response: true, createdAt: true, respondedAt: true }, orderBy: { createdAt: 'asc' } },
  events: { select: { action: true, fromStatus: true, toStatus: true, actorRole: true, reason: true, data: true, createdAt: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.LetterSelect;
export type StaffLetterRow = Prisma.LetterGetPayload<{ select: typeof staffSelect }>;

export async function findStaffLetter(db: Db, id: string): Promise<StaffLetterRow | null> {
  return db.letter.findUnique({ where: { id }, select: staffSelect });
}

const rowSelect = {
  id: true, trackingCode: true, type: true, status: true, title: true, submittedAt: true, acceptDueAt: true, replyDueAt: true, isAwaitingSupplement: true, contentCheckStatus: true,
  mailbox: { select: { name: true } },
  department: { select: { name: true } },
} satisfies Prisma.LetterSelect;
export type StaffListRow = Prisma.LetterGetPayload<{ select: typeof rowSelect }>;

export type Keyset = { field: 'acceptDueAt' | 'replyDueAt' | 'submittedAt'; direction: 'asc' | 'desc'; after: { at: Date; id: string } | null; limit: number };

/** Rows strictly after the cursor in (field, id) order. */
export function keysetWhere(keyset: Pick<Keyset, 'field' | 'direction' | 'after'> | { field: 'publishedAt'; direction: 'asc' | 'desc'; after: Keyset['after'] }): Prisma.LetterWhereInput | null {
  const { field, direction, after } = keyset;
  if (!after) return null;
  const beyond = direction === 'asc' ? { gt: after.at } : { lt: after.at };
  const beyondId = direction === 'asc' ? { gt: after.id } : { lt: after.id };
  return { OR: [{ [field]: beyond }, { [field]: after.at, id: beyondId }] };
}

/** One keyset page, plus one row to tell whether more follow. */
export async function listLetterPage(db: Db, where: Prisma.LetterWhereInput, keyset: Keyset): Promise<StaffListRow[]> {
  const cursor = keysetWhere(keyset);
  return db.letter.findMany({
    where: cursor ? { AND: [where, cursor] } : where,
    select: rowSelect,
    orderBy: [{ [keyset.field]: keyset.direction }, { id: keyset.direction }],
    take: keyset.limit + 1,
  });
}

export const replyClockStatuses: LetterStatus[] = ['ACCEPTED', 'ASSIGNED', 'RETURNED', 'REPLY_DRAFTED', 'REOPENED'];

/** Letters past their open deadline (accepting or replying), clock running. */
export function overdueWhere(now: Date): Prisma.LetterWhereInput {
  return {
    isAwaitingSupplement: false,
    OR: [{ status: 'SUBMITTED', acceptDueAt: { lt: now } }, { status: { in: replyClockStatuses }, replyDueAt: { lt: now } }],
  };
}

export async function listOverdueLetters(db: Db, where: Prisma.LetterWhereInput, now: Date) {
  return db.letter.findMany({
    where: { AND: [where, overdueWhere(now)] },
    select: { ...rowSelect, ownerDepartmentId: true, departmentId: true },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    take: 500,
  });
}
