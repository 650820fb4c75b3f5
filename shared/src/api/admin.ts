import { z } from 'zod';
import { boundedInstantSchema } from './calendar-values';
import { roleSchema } from './auth';

/** Admin: the holiday calendar and the audit log. */

/** PUT /admin/calendar/days/:date: make a day a holiday or a working day (调休). */
export const calendarOverrideRequestSchema = z.object({ kind: z.enum(['HOLIDAY', 'WORKDAY']), name: z.string().trim().min(1, '请填写名称').max(32) });
export type CalendarOverrideRequest = z.infer<typeof calendarOverrideRequestSchema>;

/** GET /admin/audit-logs: filters and keyset paging (`before`: the id of the last row of the previous page). */
export const auditLogQuerySchema = z.object({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorUserId: z.string().max(32).optional(),
  action: z.string().max(64).optional(),
  from: boundedInstantSchema.optional(),
  to: boundedInstantSchema.optional(),
  before: z.string().max(32).optional().describe('上一页最后一条的 id'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditLogPageSchema = z.object({
  items: z.array(z.object({
    id: z.string(), actorUserId: z.string().nullable(), actorRole: roleSchema.nullable(), action: z.string(), entityType: z.string(), entityId: z.string(),
    before: z.unknown().describe('变更前（JSON，可为 null）'), after: z.unknown().describe('变更后（JSON，可为 null）'), requestId: z.string().nullable(), createdAt: z.string(),
  })),
  nextBefore: z.string().nullable(),
});
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;
