import type { ContentCheckStatus } from '@govpocket/db';
import type { Db } from './repository';
import { replyClockStatuses } from './staff-repository';

/** What the mailbox jobs read and mark. */

export async function listDueSoonLetters(db: Db, { now, acceptHorizon, replyHorizon }: { now: Date; acceptHorizon: Date; replyHorizon: Date }) {
  return db.letter.findMany({
    where: {
      isAwaitingSupplement: false,
      OR: [{ status: 'SUBMITTED', acceptDueAt: { gte: now, lte: acceptHorizon } }, { status: { in: replyClockStatuses }, replyDueAt: { gte: now, lte: replyHorizon } }],
    },
    select: { id: true, trackingCode: true, title: true, status: true, acceptDueAt: true, replyDueAt: true, ownerDepartmentId: true, departmentId: true },
    take: 1000,
  });
}

export async function listUnratedPastDue(db: Db, now: Date) {
  return db.letter.findMany({ where: { status: 'REPLIED', rateDueAt: { lte: now } }, select: { id: true }, take: 500 });
}

export async function listPendingContentLetters(db: Db) {
  return db.letter.findMany({ where: { contentCheckStatus: 'PENDING' }, select: { id: true, title: true, body: true, residentId: true }, orderBy: { submittedAt: 'asc' }, take: 100 });
}

export async function findLetterOpenid(db: Db, userId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { openid: true } }))?.openid ?? null;
}

export async function setContentCheck(db: Db, id: string, { status, traceId }: { status: ContentCheckStatus; traceId: string | null }): Promise<void> {
  await db.letter.updateMany({ where: { id, contentCheckStatus: 'PENDING' }, data: { contentCheckStatus: status, ...(traceId ? { contentCheckTraceId: traceId } : {}) } });
}
