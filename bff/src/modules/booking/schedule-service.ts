import type { ScheduleChangeResponse, ScheduleTemplateInput, SessionUser } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { fromDbDate, toDbDate } from './dates';
import type { BookingDeps } from './deps';
import {
  createTemplate,
  deleteOverride,
  findTemplate,
  hallExists,
  listOverrides,
  listTemplates,
  replaceTemplate,
  upsertOverride,
  type TemplateRow,
} from './schedule-repository';
import { affectedBookings, generateHallSlots } from './slot-generation';
import { inTransaction } from '../../platform/db/transaction';

/** Admin: a hall's weekly templates and date overrides; every change re-plans the booking window. */
type OverrideRow = { id: string; date: Date; kind: 'CLOSURE' | 'EXTRA_DAY'; asWeekday: number | null; reason: string };

const toTemplateView = (row: TemplateRow) => ({
  id: row.id, name: row.name, validFrom: fromDbDate(row.validFrom), validTo: row.validTo ? fromDbDate(row.validTo) : null, isActive: row.isActive, rules: row.rules,
});
const toOverrideView = (row: OverrideRow) => ({ id: row.id, date: fromDbDate(row.date), kind: row.kind, asWeekday: row.asWeekday, reason: row.reason });

async function requireHall(deps: BookingDeps, hallId: string): Promise<void> {
  if (!(await hallExists(deps.prisma, hallId))) throw new AppError('NOT_FOUND', { message: '大厅不存在' });
}

export async function getHallSchedule(deps: BookingDeps, { hallId }: { hallId: string }) {
  await requireHall(deps, hallId);
  const now = deps.now();
  return {
    templates: (await listTemplates(deps.prisma, hallId)).map(toTemplateView),
    overrides: (await listOverrides(deps.prisma, { hallId, from: toDbDate(fromDbDate(now)) })).map(toOverrideView),
    affected: await affectedBookings(deps, { hallId, now }),
  };
}

export async function saveScheduleTemplate(
  deps: BookingDeps,
  { admin, hallId, templateId, input, requestId }: { admin: SessionUser; hallId: string; templateId?: string; input: ScheduleTemplateInput; requestId: string },
): Promise<ScheduleChangeResponse> {
  await requireHall(deps, hallId);
  const settings = await deps.settings.read();
  const data = {
    name: input.name, validFrom: toDbDate(input.validFrom), validTo: input.validTo ? toDbDate(input.validTo) : null, isActive: input.isActive,
    rules: input.rules.map((rule) => ({ ...rule, slotMinutes: rule.slotMinutes ?? settings.slotMinutes })),
  };
  const keys = new Set(data.rules.map((rule) => `${rule.weekday}|${rule.startTime}|${rule.itemGroup}`));
  if (keys.size !== data.rules.length) throw new AppError('VALIDATION_FAILED', { message: '同一天同一开始时间的排班规则重复' });
  const before = templateId ? await findTemplate(deps.prisma, { id: templateId, hallId }) : null;
  if (templateId && !before) throw new AppError('NOT_FOUND', { message: '排班模板不存在' });
  const id = await inTransaction(deps.prisma, async (tx) => {
    const savedId = templateId ?? (await createTemplate(tx, { hallId, data }));
    if (templateId) await replaceTemplate(tx, { id: templateId, data });
    await writeAudit(tx, {
      actorUserId: admin.id, actorRole: 'ADMIN', action: templateId ? 'SCHEDULE_TEMPLATE_UPDATED' : 'SCHEDULE_TEMPLATE_CREATED', entityType: 'ScheduleTemplate', entityId: savedId,
      before: before ? toTemplateView(before) : undefined, after: { ...input, validTo: input.validTo ?? null }, requestId,
    });
    return savedId;
  });
  const report = await generateHallSlots(deps, { hallId, now: deps.now() });
  await deps.onScheduleChange?.();
  const saved = await findTemplate(deps.prisma, { id, hallId });
  return { template: saved ? toTemplateView(saved) : null, override: null, slotsCreated: report.created, slotsRemoved: report.removed, affected: report.affected };
}

export async function saveScheduleOverride(
  deps: BookingDeps,
  { admin, hallId, input, requestId }: { admin: SessionUser; hallId: string; input: { date: string; kind: 'CLOSURE' | 'EXTRA_DAY'; asWeekday?: number; reason: string }; requestId: string },
): Promise<ScheduleChangeResponse> {
  await requireHall(deps, hallId);
  const row = await inTransaction(deps.prisma, async (tx) => {
    const saved = await upsertOverride(tx, { hallId, date: toDbDate(input.date), kind: input.kind, asWeekday: input.asWeekday ?? null, reason: input.reason });
    await writeAudit(tx, { actorUserId: admin.id, actorRole: 'ADMIN', action: 'SCHEDULE_OVERRIDE_SET', entityType: 'ScheduleOverride', entityId: saved.id, after: input, requestId });
    return saved;
  });
  const report = await generateHallSlots(deps, { hallId, now: deps.now() });
  return { template: null, override: toOverrideView(row), slotsCreated: report.created, slotsRemoved: report.removed, affected: report.affected };
}

export async function removeScheduleOverride(deps: BookingDeps, { admin, hallId, overrideId, requestId }: { admin: SessionUser; hallId: string; overrideId: string; requestId: string }): Promise<ScheduleChangeResponse> {
  await inTransaction(deps.prisma, async (tx) => {
    const removed = await deleteOverride(tx, { id: overrideId, hallId });
    if (!removed) throw new AppError('NOT_FOUND', { message: '该日期调整不存在' });
    await writeAudit(tx, { actorUserId: admin.id, actorRole: 'ADMIN', action: 'SCHEDULE_OVERRIDE_REMOVED', entityType: 'ScheduleOverride', entityId: overrideId, before: toOverrideView(removed), requestId });
  });
  const report = await generateHallSlots(deps, { hallId, now: deps.now() });
  return { template: null, override: null, slotsCreated: report.created, slotsRemoved: report.removed, affected: report.affected };
}
