import type { Prisma } from '@govpocket/db';
import type { Db } from './repository';
import { ownerId } from '../../platform/db/owner';

/** Reading and creating letters for the resident side and the public side. */

export async function findActiveMailbox(db: Db, id: string) {
  return db.mailbox.findFirst({ where: { id, isActive: true }, select: { id: true, ownerDepartmentId: true, promisedDays: true } });
}

export async function listActiveMailboxes(db: Db) {
  return db.mailbox.findMany({
    where: { isActive: true },
    select: { id: true, name: true, kind: true, description: true, promisedDays: true, ownerDepartment: { select: { name: true } } },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  });
}

export async function findResidentContact(db: Db, userId: string) {
  return db.user.findFirst({ where: { id: userId, deletedAt: null }, select: { openid: true, phoneEncrypted: true } });
}

/** The letter an earlier attempt with this Idempotency-Key stored, if one did. */
export async function findLetterByKey(db: Db, { residentId, idempotencyKey }: { residentId: string; idempotencyKey: string }) {
  return db.letter.findUnique({
    where: { residentId_idempotencyKey: { residentId, idempotencyKey } },
    select: { id: true, trackingCode: true, status: true, contentCheckStatus: true, submittedAt: true, acceptDueAt: true, mailbox: { select: { promisedDays: true } } },
  });
}

export async function insertSubmittedLetter(
  tx: Prisma.TransactionClient,
  { letter, images, event }: { letter: Prisma.LetterUncheckedCreateInput; images: Prisma.LetterAttachmentCreateManyLetterInput[]; event: Prisma.LetterEventCreateManyLetterInput },
): Promise<{ id: string }> {
  return tx.letter.create({
    data: { ...letter, attachments: images.length > 0 ? { createMany: { data: images } } : undefined, events: { createMany: { data: [event] } } },
    select: { id: true },
  });
}

const summarySelect = {
  id: true, trackingCode: true, type: true, status: true, title: true, submittedAt: true, isAwaitingSupplement: true, mailbox: { select: { name: true } },
} satisfies Prisma.LetterSelect;
export type LetterSummaryRow = Prisma.LetterGetPayload<{ select: typeof summarySelect }>;

export async function listResidentLetters(db: Db, residentId: string): Promise<LetterSummaryRow[]> {
  return db.letter.findMany({ where: { residentId: ownerId(residentId, 'residentId') }, select: summarySelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 100 });
}

/** The public part of a letter's history: what happened and when, never who on the staff side. */
const timelineSelect = { action: true, reason: true, createdAt: true, data: true } satisfies Prisma.LetterEventSelect;

const residentSelect = {
  ...summarySelect,
  body: true, residentId: true, isPublishAgreed: true, mergedIntoId: true, acceptDueAt: true, replyDueAt: true, notAcceptedReason: true, repliedAt: true, rateDueAt: true, reopenedCount: true,
  satisfaction: true, satisfactionComment: true, isSatisfactionDefaulted: true, contactPhoneLast4Hash: true,
  department: { select: { name: true } }, resident: { select: { nickname: true } },
  replies: { where: { status: 'APPROVED' }, select: { body: true, round: true, reviewedAt: true, department: { select: { name: true } } }, orderBy: { round: 'desc' }, take: 1 },
  supplements: { where: { respondedAt: null, cancelledAt: null }, select: { id: true, request: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
  attachments: { select: { uploadedFileId: true }, orderBy: { sortOrder: 'asc' } },
  events: { select: timelineSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.LetterSelect;
export type ResidentLetterRow = Prisma.LetterGetPayload<{ select: typeof residentSelect }>;

export async function findResidentLetter(db: Db, where: { id: string; residentId: string } | { trackingCode: string }): Promise<ResidentLetterRow | null> {
  return db.letter.findFirst({ where: 'trackingCode' in where ? { trackingCode: ownerId(where.trackingCode, 'trackingCode') } : { id: where.id, residentId: ownerId(where.residentId, 'residentId') }, select: residentSelect });
}

export async function isOwnLetter(db: Db, { residentId, letterId }: { residentId: string; letterId: string }): Promise<boolean> {
  return (await db.letter.count({ where: { id: letterId, residentId: ownerId(residentId, 'residentId') } })) > 0;
}
