import type { LetterAction, LetterStatus, Prisma, PrismaClient } from '@govpocket/db';

/** Letter rows for the workflow: locking, changing, and the append-only event trail. */
export type Db = PrismaClient | Prisma.TransactionClient;

const lockedSelect = {
  id: true, trackingCode: true, title: true, type: true, status: true, residentId: true, mailboxId: true, ownerDepartmentId: true, departmentId: true,
  isAwaitingSupplement: true, clockPausedAt: true, pausedWorkingSeconds: true, submittedAt: true, acceptDueAt: true, acceptedAt: true, assignedAt: true,
  replyDueAt: true, extensionDays: true, reopenedCount: true, isPublishAgreed: true, isPublished: true, contentCheckStatus: true, repliedAt: true, rateDueAt: true,
  mergedIntoId: true, mailbox: { select: { promisedDays: true } },
} satisfies Prisma.LetterSelect;
export type LockedLetter = Prisma.LetterGetPayload<{ select: typeof lockedSelect }>;

/** Locks the row for the rest of the transaction and reads it as it now stands. */
export async function lockLetter(tx: Prisma.TransactionClient, id: string): Promise<LockedLetter | null> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM Letter WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.letter.findUnique({ where: { id }, select: lockedSelect });
}

export async function findLetterForAccess(db: Db, id: string): Promise<LockedLetter | null> {
  return db.letter.findUnique({ where: { id }, select: lockedSelect });
}

export async function updateLetter(tx: Prisma.TransactionClient, id: string, data: Prisma.LetterUncheckedUpdateManyInput): Promise<void> {
  await tx.letter.updateMany({ where: { id }, data });
}

export async function appendLetterEvent(
  tx: Prisma.TransactionClient,
  event: { letterId: string; action: LetterAction; fromStatus: LetterStatus | null; toStatus: LetterStatus | null; actorType: 'RESIDENT' | 'STAFF' | 'SYSTEM'; actorUserId: string | null; actorRole: Prisma.LetterEventUncheckedCreateInput['actorRole']; reason: string | null; data?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.letterEvent.create({ data: event });
}

export async function findDepartmentName(db: Db, id: string): Promise<string | null> {
  return (await db.department.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}

export async function findActiveDepartment(db: Db, id: string): Promise<{ id: string; name: string } | null> {
  return db.department.findFirst({ where: { id, isActive: true }, select: { id: true, name: true } });
}

/** Bound staff of a department holding one of the roles (who is told about its letters). */
export async function listDepartmentStaffUserIds(db: Db, { departmentId, role }: { departmentId: string; role: 'MAILBOX_OFFICE' | 'DEPARTMENT_HANDLER' }): Promise<string[]> {
  const rows = await db.roleAssignment.findMany({
    where: { departmentId, role, staffAccount: { status: 'ACTIVE', userId: { not: null } } },
    select: { staffAccount: { select: { userId: true } } },
  });
  return [...new Set(rows.flatMap((row) => (row.staffAccount.userId ? [row.staffAccount.userId] : [])))];
}
