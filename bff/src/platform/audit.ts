import type { Prisma } from '@govpocket/db';
import type { Role } from '@govpocket/shared';
import { AppError } from './errors/app-error';

/**
 * One append-only row per staff action and workflow transition: who (user and the role they acted
 * in), what, on which record, from → to, why, and the request it came from. Written inside the
 * caller's transaction so the action and its record stand or fall together; the database refuses
 * updates and deletes of these rows.
 */
export type AuditEntry = {
  actorUserId: string | null;
  actorRole: Role | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  reason?: string;
  requestId?: string;
};

/** The staff roles a user really holds now (an active staff account's assignments), read in the transaction. */
async function heldStaffRoles(tx: Prisma.TransactionClient, userId: string): Promise<Role[]> {
  const rows = await tx.roleAssignment.findMany({ where: { staffAccount: { userId, status: 'ACTIVE' } }, select: { role: true }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => row.role);
}

/**
 * The role an audit row records is the one the actor really holds, never the one a service
 * assumed from the route it ran behind: a staff role claimed by someone holding no staff role
 * at all means a check was stepped around, and the whole action is refused (the caller's
 * transaction rolls back); one holding another staff role is recorded in that role (admin first).
 */
async function verifiedRole(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<Role | null> {
  if (entry.actorRole === null || entry.actorRole === 'RESIDENT') return entry.actorRole;
  if (entry.actorUserId === null) throw new Error(`audit entry ${entry.action} claims role ${entry.actorRole} without an actor`);
  const held = await heldStaffRoles(tx, entry.actorUserId);
  if (held.includes(entry.actorRole)) return entry.actorRole;
  const real = held.includes('ADMIN') ? 'ADMIN' : held[0];
  if (real === undefined) throw new AppError('FORBIDDEN');
  return real;
}

export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  const actorRole = await verifiedRole(tx, entry);
  await tx.auditLog.create({
    data: {
      actorUserId: entry.actorUserId,
      actorRole,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.reason === undefined ? entry.after : { ...(isObject(entry.after) ? entry.after : { value: entry.after ?? null }), reason: entry.reason },
      requestId: entry.requestId,
    },
  });
}

function isObject(value: unknown): value is Record<string, Prisma.InputJsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
