import { auditLogQuerySchema } from '@govpocket/shared';
import type { ListReads } from '@govpocket/db';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { requireRole } from '../auth/access';

/**
 * Admin: the audit log, read-only (no route edits or deletes it; the database refuses too). Reads
 * through `reads`: a read replica where one is configured (the log is append-only).
 */
export function auditRoutes({ reads }: { reads: ListReads }): AppRouter {
  const router = createRouter();
  router.get('/admin/audit-logs', requireRole('ADMIN'), async (ctx) => {
    const query = auditLogQuerySchema.parse(ctx.query);
    const cursor = query.before ? await reads.auditLog.findUnique({ where: { id: query.before }, select: { createdAt: true, id: true } }) : null;
    const rows = await reads.auditLog.findMany({
      where: {
        ...(query.entityType ? { entityType: query.entityType } : {}),
        ...(query.entityId ? { entityId: query.entityId } : {}),
        ...(query.actorUserId ? { actorUserId: query.actorUserId } : {}),
        ...(query.action ? { action: query.action } : {}),
        ...(query.from || query.to ? { createdAt: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(query.to) } : {}) } } : {}),
        ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
      select: { id: true, actorUserId: true, actorRole: true, action: true, entityType: true, entityId: true, before: true, after: true, requestId: true, createdAt: true },
    });
    ctx.body = { items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })), nextBefore: rows.length === query.limit ? rows.at(-1)?.id ?? null : null };
  });
  return router;
}
