import type { Prisma } from '@govpocket/db';
import type { Role } from '@govpocket/shared';

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

export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorUserId: entry.actorUserId,
      actorRole: entry.actorRole,
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
