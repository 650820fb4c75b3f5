import type { PrismaClient } from '@govpocket/db';
import type { AffectedBooking } from '@govpocket/shared';
import type { CalendarService } from '../calendar/service';
import { fromDbDate, toDbDate } from './dates';
import { bookingWindowDates, plannedSlotsFor, type PlanTemplate } from './schedule-plan';
import {
  closeSlotsById,
  createSlots,
  deleteEmptySlots,
  listActiveHallIds,
  listAffectedBookings,
  listHallSlots,
  listOverrides,
  listTemplates,
  reopenSlots,
  setSlotCapacity,
  slotsWithLiveBookings,
  type TemplateRow,
} from './schedule-repository';
import type { BookingSettingsReader } from './settings';

/**
 * Materialises the slots of the booking window from the schedules (idempotent: the unique key
 * hall + date + start + item group makes a second run create nothing) and brings existing future
 * slots in line after a template or override change. A slot the schedule no longer has is deleted
 * only if nobody ever booked it; otherwise it is closed and its bookings stay valid, listed as
 * "affected" for the hall to move or cancel with notice — a change never silently drops a booking.
 * A closed slot that is planned again reopens only if it still holds live bookings (the schedule
 * closed it); slots the hall closed by cancelling them stay closed.
 */
export type SlotGenerationDeps = { prisma: PrismaClient; calendar: CalendarService; settings: BookingSettingsReader };
export type SlotGenerationReport = { created: number; removed: number; affected: AffectedBooking[] };

export function toPlanTemplates(rows: TemplateRow[]): PlanTemplate[] {
  return rows.map((row) => ({ validFrom: fromDbDate(row.validFrom), validTo: row.validTo ? fromDbDate(row.validTo) : null, isActive: row.isActive, rules: row.rules }));
}

export async function generateHallSlots(deps: SlotGenerationDeps, { hallId, now }: { hallId: string; now: Date }): Promise<SlotGenerationReport> {
  const [calendar, settings] = await Promise.all([deps.calendar.current(), deps.settings.read()]);
  const dates = bookingWindowDates(calendar, now, settings.daysAhead);
  const templates = toPlanTemplates(await listTemplates(deps.prisma, hallId));
  const overrides = new Map((await listOverrides(deps.prisma, { hallId, from: toDbDate(dates[0] ?? fromDbDate(now)) })).map((row) => [fromDbDate(row.date), row]));
  const planned = dates.flatMap((date) => plannedSlotsFor({ date, templates, override: overrides.get(date) ?? null, calendar }));
  const existing = await listHallSlots(deps.prisma, { hallId, dates: dates.map(toDbDate) });
  const keyOf = (slot: { date: string; startTime: string; itemGroup: string }): string => `${slot.date}|${slot.startTime}|${slot.itemGroup}`;
  const plannedByKey = new Map(planned.map((slot) => [keyOf(slot), slot]));

  const created = await createSlots(deps.prisma, planned.map((slot) => ({
    hallId, date: toDbDate(slot.date), startTime: slot.startTime, endTime: slot.endTime, startsAt: slot.startsAt, endsAt: slot.endsAt, itemGroup: slot.itemGroup, capacity: slot.capacity,
  })));
  const future = existing.filter((slot) => slot.startsAt.getTime() > now.getTime());
  const dropped = future.filter((slot) => !plannedByKey.has(keyOf({ ...slot, date: fromDbDate(slot.date) })));
  await deleteEmptySlots(deps.prisma, dropped.filter((slot) => slot._count.appointments === 0).map((slot) => slot.id));
  await closeSlotsById(deps.prisma, dropped.filter((slot) => slot._count.appointments > 0 && !slot.isClosed).map((slot) => slot.id));
  const kept = future.filter((slot) => plannedByKey.has(keyOf({ ...slot, date: fromDbDate(slot.date) })));
  for (const slot of kept) {
    const plan = plannedByKey.get(keyOf({ ...slot, date: fromDbDate(slot.date) }));
    if (plan && plan.capacity !== slot.capacity) await setSlotCapacity(deps.prisma, { id: slot.id, capacity: plan.capacity });
  }
  // Back in the schedule (a closure lifted, a template restored): its bookings are simply valid again.
  await reopenSlots(deps.prisma, await slotsWithLiveBookings(deps.prisma, kept.filter((slot) => slot.isClosed).map((slot) => slot.id)));
  return { created, removed: dropped.length, affected: await affectedBookings(deps, { hallId, now }) };
}

export async function affectedBookings(deps: Pick<SlotGenerationDeps, 'prisma'>, { hallId, now }: { hallId: string; now: Date }): Promise<AffectedBooking[]> {
  const rows = await listAffectedBookings(deps.prisma, { hallId, after: now });
  return rows.map((row) => ({ appointmentId: row.id, slotId: row.slotId, date: fromDbDate(row.date), startTime: row.slot.startTime, itemName: row.item.name, status: row.status }));
}

/** Scheduled job handler: every active hall, the whole booking window. */
export async function generateSlots(deps: SlotGenerationDeps, { now }: { now: Date }): Promise<{ halls: number; created: number; removed: number }> {
  let created = 0;
  let removed = 0;
  const hallIds = await listActiveHallIds(deps.prisma);
  for (const hallId of hallIds) {
    const report = await generateHallSlots(deps, { hallId, now });
    created += report.created;
    removed += report.removed;
  }
  return { halls: hallIds.length, created, removed };
}
