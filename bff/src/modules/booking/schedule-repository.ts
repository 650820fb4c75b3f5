import type { Prisma } from '@govpocket/db';
import type { Db } from './repository';

/** Schedule templates, rules, date overrides and the slots materialised from them. */
const templateSelect = {
  id: true, name: true, validFrom: true, validTo: true, isActive: true,
  rules: { select: { weekday: true, startTime: true, endTime: true, slotMinutes: true, capacity: true, itemGroup: true }, orderBy: [{ weekday: 'asc' }, { startTime: 'asc' }, { itemGroup: 'asc' }] },
} satisfies Prisma.ScheduleTemplateSelect;
export type TemplateRow = Prisma.ScheduleTemplateGetPayload<{ select: typeof templateSelect }>;

export async function listActiveHallIds(db: Db): Promise<string[]> {
  return (await db.hall.findMany({ where: { isActive: true }, select: { id: true } })).map((hall) => hall.id);
}

export async function hallExists(db: Db, hallId: string): Promise<boolean> {
  return (await db.hall.count({ where: { id: hallId } })) > 0;
}

export async function listTemplates(db: Db, hallId: string): Promise<TemplateRow[]> {
  return db.scheduleTemplate.findMany({ where: { hallId }, select: templateSelect, orderBy: { validFrom: 'asc' } });
}

export async function findTemplate(db: Db, { id, hallId }: { id: string; hallId: string }): Promise<TemplateRow | null> {
  return db.scheduleTemplate.findFirst({ where: { id, hallId }, select: templateSelect });
}

type TemplateData = { name: string; validFrom: Date; validTo: Date | null; isActive: boolean; rules: Prisma.ScheduleRuleCreateManyTemplateInput[] };

export async function createTemplate(tx: Prisma.TransactionClient, { hallId, data }: { hallId: string; data: TemplateData }): Promise<string> {
  const { rules, ...fields } = data;
  return (await tx.scheduleTemplate.create({ data: { hallId, ...fields, rules: { createMany: { data: rules } } }, select: { id: true } })).id;
}

export async function replaceTemplate(tx: Prisma.TransactionClient, { id, data }: { id: string; data: TemplateData }): Promise<void> {
  const { rules, ...fields } = data;
  await tx.scheduleRule.deleteMany({ where: { templateId: id } });
  await tx.scheduleTemplate.update({ where: { id }, data: { ...fields, rules: { createMany: { data: rules } } } });
}

const overrideSelect = { id: true, date: true, kind: true, asWeekday: true, reason: true } as const;

export async function listOverrides(db: Db, { hallId, from }: { hallId: string; from?: Date }) {
  return db.scheduleOverride.findMany({ where: { hallId, ...(from ? { date: { gte: from } } : {}) }, select: overrideSelect, orderBy: { date: 'asc' } });
}

export async function upsertOverride(tx: Prisma.TransactionClient, input: { hallId: string; date: Date; kind: 'CLOSURE' | 'EXTRA_DAY'; asWeekday: number | null; reason: string }) {
  const { hallId, date, ...data } = input;
  return tx.scheduleOverride.upsert({ where: { hallId_date: { hallId, date } }, create: input, update: data, select: overrideSelect });
}

export async function deleteOverride(tx: Prisma.TransactionClient, { id, hallId }: { id: string; hallId: string }) {
  const row = await tx.scheduleOverride.findFirst({ where: { id, hallId }, select: overrideSelect });
  if (row) await tx.scheduleOverride.delete({ where: { id } });
  return row;
}

export async function listHallSlots(db: Db, { hallId, dates }: { hallId: string; dates: Date[] }) {
  return db.slot.findMany({
    where: { hallId, date: { in: dates } },
    select: { id: true, date: true, startTime: true, itemGroup: true, capacity: true, startsAt: true, isClosed: true, _count: { select: { appointments: true } } },
  });
}

export async function createSlots(db: Db, rows: Prisma.SlotCreateManyInput[]): Promise<number> {
  if (rows.length === 0) return 0;
  return (await db.slot.createMany({ data: rows, skipDuplicates: true })).count;
}

export async function deleteEmptySlots(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await db.slot.deleteMany({ where: { id: { in: ids }, bookedCount: 0, appointments: { none: {} } } })).count;
}

export async function closeSlotsById(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.slot.updateMany({ where: { id: { in: ids } }, data: { isClosed: true } });
}

export async function setSlotCapacity(db: Db, { id, capacity }: { id: string; capacity: number }): Promise<void> {
  await db.slot.update({ where: { id }, data: { capacity } });
}

/** Bookings left in slots the schedule no longer has: the hall moves or cancels them with notice. */
export async function listAffectedBookings(db: Db, { hallId, after }: { hallId: string; after: Date }) {
  return db.appointment.findMany({
    where: { hallId, status: 'BOOKED', startsAt: { gt: after }, slot: { isClosed: true } },
    select: { id: true, slotId: true, date: true, status: true, slot: { select: { startTime: true } }, item: { select: { name: true } } },
    orderBy: { startsAt: 'asc' },
  });
}

/** Of these slots, the ones still holding a live booking (closed by a schedule change, not by the hall). */
export async function slotsWithLiveBookings(db: Db, slotIds: string[]): Promise<string[]> {
  if (slotIds.length === 0) return [];
  const rows = await db.appointment.findMany({ where: { slotId: { in: slotIds }, status: 'BOOKED' }, select: { slotId: true }, distinct: ['slotId'] });
  return rows.map((row) => row.slotId);
}

export async function reopenSlots(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.slot.updateMany({ where: { id: { in: ids } }, data: { isClosed: false } });
}

/** The active templates of some halls with just what the opening-hours text needs. */
export async function listHallTemplatesForHours(db: Db, hallIds: string[]) {
  return db.scheduleTemplate.findMany({
    where: { hallId: { in: hallIds }, isActive: true },
    select: { hallId: true, validFrom: true, validTo: true, isActive: true, rules: { select: { weekday: true, startTime: true, endTime: true } } },
  });
}
