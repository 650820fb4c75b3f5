import type { Prisma } from '@govpocket/db';
import type { Db } from './repository';
import { ownerId } from '../../platform/db/owner';

/** 好差评 rows and the hall's 回访 tasks. Hall-side reads never select who rated. */
export async function findRateable(db: Db, { id, residentId }: { id: string; residentId: string }) {
  return db.appointment.findFirst({
    where: { id, residentId: ownerId(residentId, 'residentId') },
    select: { id: true, status: true, completedAt: true, hallId: true, itemId: true, item: { select: { name: true } }, hall: { select: { name: true } }, rating: { select: { id: true } }, resident: { select: { openid: true } } },
  });
}

/** Who completed the visit: the staff member the rating is about. */
export async function findServingStaffId(db: Db, appointmentId: string): Promise<string | null> {
  const event = await db.appointmentEvent.findFirst({ where: { appointmentId, toStatus: 'COMPLETED' }, select: { actorUserId: true }, orderBy: { createdAt: 'desc' } });
  return event?.actorUserId ?? null;
}

export async function insertRating(tx: Prisma.TransactionClient, data: Prisma.RatingUncheckedCreateInput) {
  return tx.rating.create({ data, select: { id: true, level: true, tags: true, text: true, createdAt: true } });
}

export async function insertFollowUp(tx: Prisma.TransactionClient, data: { ratingId: string; hallId: string; dueAt: Date }) {
  return tx.ratingFollowUp.create({ data, select: { id: true, status: true, dueAt: true, result: true, handledAt: true } });
}

export async function listHallStaffUserIds(db: Db, hallId: string): Promise<string[]> {
  const rows = await db.roleAssignment.findMany({ where: { hallId, role: 'WINDOW_STAFF', staffAccount: { status: 'ACTIVE', userId: { not: null } } }, select: { staffAccount: { select: { userId: true } } } });
  return [...new Set(rows.flatMap((row) => (row.staffAccount.userId ? [row.staffAccount.userId] : [])))];
}

const hallRatingSelect = { id: true, level: true, tags: true, text: true, textCheckStatus: true, createdAt: true, item: { select: { name: true } } } satisfies Prisma.RatingSelect;

export async function listHallRatings(db: Db, hallId: string) {
  return db.rating.findMany({ where: { hallId }, select: hallRatingSelect, orderBy: { createdAt: 'desc' }, take: 100 });
}

const followUpSelect = { id: true, status: true, dueAt: true, result: true, handledAt: true, rating: { select: hallRatingSelect } } satisfies Prisma.RatingFollowUpSelect;
export type FollowUpRow = Prisma.RatingFollowUpGetPayload<{ select: typeof followUpSelect }>;

export async function listHallFollowUps(db: Db, { hallId, status }: { hallId: string; status?: 'OPEN' | 'FIXED' | 'EXPLAINED' }): Promise<FollowUpRow[]> {
  return db.ratingFollowUp.findMany({ where: { hallId, ...(status ? { status } : {}) }, select: followUpSelect, orderBy: [{ status: 'asc' }, { dueAt: 'asc' }], take: 200 });
}

export async function findHallFollowUp(db: Db, { id, hallId }: { id: string; hallId: string }): Promise<FollowUpRow | null> {
  return db.ratingFollowUp.findFirst({ where: { id, hallId }, select: followUpSelect });
}

/** Closes an open follow-up; false when it was no longer open. */
export async function resolveFollowUpRow(tx: Prisma.TransactionClient, input: { id: string; status: 'FIXED' | 'EXPLAINED'; result: string; handledById: string; handledAt: Date }): Promise<boolean> {
  const changed = await tx.ratingFollowUp.updateMany({ where: { id: input.id, status: 'OPEN' }, data: { status: input.status, result: input.result, handledById: input.handledById, handledAt: input.handledAt } });
  return changed.count === 1;
}

/** Rating comments stored while WeChat's check was unreachable (or written before the check existed). */
export async function listPendingRatingTexts(db: Db, limit = 100) {
  return db.rating.findMany({
    where: { textCheckStatus: 'PENDING', text: { not: null } },
    select: { id: true, text: true, resident: { select: { openid: true } } },
    orderBy: { createdAt: 'asc' },
    take: limit,
  });
}

export async function setRatingTextCheck(db: Db, id: string, { status, traceId }: { status: 'PASS' | 'REVIEW' | 'RISKY'; traceId: string | null }): Promise<void> {
  await db.rating.updateMany({ where: { id, textCheckStatus: 'PENDING' }, data: { textCheckStatus: status, ...(traceId ? { textCheckTraceId: traceId } : {}) } });
}
