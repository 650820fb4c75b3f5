import type { Prisma, PrismaClient } from '@govpocket/db';
import type { RoleGrant, StaffAccountView } from '@govpocket/shared';
import { ownerId } from '../../platform/db/owner';

type Db = PrismaClient | Prisma.TransactionClient;

const accountSelect = {
  id: true,
  name: true,
  title: true,
  status: true,
  userId: true,
  boundAt: true,
  roleAssignments: {
    select: { role: true, scope: true, hallId: true, departmentId: true, hall: { select: { name: true } }, department: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  },
} satisfies Prisma.StaffAccountSelect;

type AccountRow = Prisma.StaffAccountGetPayload<{ select: typeof accountSelect }>;

export function toStaffAccountView(row: AccountRow): StaffAccountView {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    status: row.status,
    isBound: row.userId !== null,
    boundAt: row.boundAt?.toISOString() ?? null,
    roles: row.roleAssignments.map((assignment) => ({
      role: assignment.role,
      scopeType: assignment.scope,
      scopeId: assignment.hallId ?? assignment.departmentId ?? null,
      scopeName: assignment.hall?.name ?? assignment.department?.name ?? null,
    })),
  };
}

function assignmentData(grant: RoleGrant): Prisma.RoleAssignmentCreateWithoutStaffAccountInput {
  switch (grant.role) {
    case 'WINDOW_STAFF':
      return { role: grant.role, scope: 'HALL', hall: { connect: { id: grant.hallId } }, scopeKey: `HALL:${grant.hallId}` };
    case 'MAILBOX_OFFICE':
    case 'DEPARTMENT_HANDLER':
      return { role: grant.role, scope: 'DEPARTMENT', department: { connect: { id: grant.departmentId } }, scopeKey: `DEPARTMENT:${grant.departmentId}` };
    case 'ADMIN':
      return { role: grant.role, scope: 'GLOBAL', scopeKey: 'GLOBAL' };
  }
}

export async function insertStaffAccount(db: Db, input: { name: string; title?: string; roles: RoleGrant[] }): Promise<StaffAccountView> {
  const row = await db.staffAccount.create({
    data: { name: input.name, title: input.title, roleAssignments: { create: input.roles.map(assignmentData) } },
    select: accountSelect,
  });
  return toStaffAccountView(row);
}

export async function findStaffAccount(db: Db, id: string): Promise<StaffAccountView | null> {
  const row = await db.staffAccount.findUnique({ where: { id }, select: accountSelect });
  return row ? toStaffAccountView(row) : null;
}

export async function listStaffAccounts(db: Db): Promise<StaffAccountView[]> {
  const rows = await db.staffAccount.findMany({ select: accountSelect, orderBy: { createdAt: 'asc' }, take: 500 });
  return rows.map(toStaffAccountView);
}

export async function countMissingScopes(db: Db, grants: RoleGrant[]): Promise<string[]> {
  const hallIds = grants.flatMap((grant) => (grant.role === 'WINDOW_STAFF' ? [grant.hallId] : []));
  const departmentIds = grants.flatMap((grant) => (grant.role === 'MAILBOX_OFFICE' || grant.role === 'DEPARTMENT_HANDLER' ? [grant.departmentId] : []));
  const [halls, departments] = await Promise.all([
    db.hall.findMany({ where: { id: { in: hallIds } }, select: { id: true } }),
    db.department.findMany({ where: { id: { in: departmentIds } }, select: { id: true } }),
  ]);
  const known = new Set([...halls, ...departments].map((row) => row.id));
  return [...hallIds, ...departmentIds].filter((id) => !known.has(id));
}

export async function insertBindingCode(db: Db, input: { staffAccountId: string; codeHash: string; expiresAt: Date }): Promise<void> {
  // A new code retires every earlier unused one.
  await db.staffBindingCode.updateMany({ where: { staffAccountId: input.staffAccountId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  await db.staffBindingCode.create({ data: input });
}

export async function findBindingCode(db: Db, codeHash: string) {
  return db.staffBindingCode.findUnique({
    where: { codeHash },
    select: { id: true, staffAccountId: true, expiresAt: true, usedAt: true, revokedAt: true, staffAccount: { select: { userId: true, status: true } } },
  });
}

/** Uses the code only if nobody has in the meantime: true when this call won the race. */
export async function consumeBindingCode(db: Db, input: { id: string; userId: string; now: Date }): Promise<boolean> {
  const { count } = await db.staffBindingCode.updateMany({
    where: { id: input.id, usedAt: null, revokedAt: null, expiresAt: { gt: input.now } },
    data: { usedAt: input.now, usedByUserId: input.userId },
  });
  return count === 1;
}

export async function bindAccountToUser(db: Db, input: { staffAccountId: string; userId: string; now: Date }): Promise<boolean> {
  const { count } = await db.staffAccount.updateMany({ where: { id: input.staffAccountId, userId: null }, data: { userId: input.userId, boundAt: input.now } });
  return count === 1;
}

export async function isUserStaff(db: Db, userId: string): Promise<boolean> {
  return (await db.staffAccount.count({ where: { userId: ownerId(userId, 'userId') } })) > 0;
}

/** ACTIVE ⇄ DISABLED only from the other state: true when this call changed it. */
export async function setStaffAccountStatus(db: Db, input: { id: string; from: 'ACTIVE' | 'DISABLED'; to: 'ACTIVE' | 'DISABLED' }): Promise<boolean> {
  const { count } = await db.staffAccount.updateMany({ where: { id: input.id, status: input.from }, data: { status: input.to } });
  return count === 1;
}

/** The WeChat identity bound to an account (null inside: not bound yet); null: no such account. */
export async function findStaffAccountIdentity(db: Db, id: string): Promise<{ userId: string | null } | null> {
  return db.staffAccount.findUnique({ where: { id }, select: { userId: true } });
}

/** Whether the account holds the ADMIN role (whatever its status). */
export async function holdsAdminRole(db: Db, staffAccountId: string): Promise<boolean> {
  return (await db.roleAssignment.count({ where: { staffAccountId, role: 'ADMIN' } })) > 0;
}

/**
 * Inside a transaction: locks every account holding the ADMIN role (SELECT … FOR UPDATE, in id order so
 * two callers queue instead of deadlocking) and answers how many of them other than `exceptId` are
 * active and bound (null when `exceptId` itself is no longer active: disabling it changes nothing). Two admins disabling each other at once thus run one after the other, and the
 * second sees the first's change (READ COMMITTED reads the latest committed rows after the lock).
 */
export async function lockAndCountOtherActiveAdmins(tx: Prisma.TransactionClient, exceptId: string): Promise<number | null> {
  const rows = await tx.$queryRaw<Array<{ id: string; status: string; userId: string | null }>>`
    SELECT sa.id, sa.status, sa.userId FROM StaffAccount sa
    WHERE sa.id IN (SELECT ra.staffAccountId FROM RoleAssignment ra WHERE ra.role = 'ADMIN')
    ORDER BY sa.id
    FOR UPDATE`;
  if (rows.find((row) => row.id === exceptId)?.status !== 'ACTIVE') return null;
  return rows.filter((row) => row.id !== exceptId && row.status === 'ACTIVE' && row.userId !== null).length;
}
