import type { WorkingCalendar } from '../calendar/working-calendar';
import { addLocalDays, atLocalTime, localDateOf, weekdayOf, type LocalDate } from '../calendar/shanghai-time';

/**
 * Which slots a hall opens on a day, from its weekly templates, its date overrides and the
 * working-day calendar (pure: the slot generator and the template editor both call it).
 * - a CLOSURE override closes the day; an EXTRA_DAY override opens it with the rules of its
 *   `asWeekday` (default: the day's own weekday);
 * - a public holiday (a day the calendar marks non-working by publication or by an admin) has no
 *   slots; an ordinary weekend day follows the template's rules for that weekday (a hall that
 *   opens on Saturday mornings keeps doing so);
 * - a 调休 make-up workday (a weekend day the calendar marks working) opens with the rules of the
 *   first weekday Monday–Friday that has any.
 */
export type PlanRule = { weekday: number; startTime: string; endTime: string; slotMinutes: number; capacity: number; itemGroup: string };
export type PlanTemplate = { validFrom: LocalDate; validTo: LocalDate | null; isActive: boolean; rules: PlanRule[] };
export type PlanOverride = { kind: 'CLOSURE' | 'EXTRA_DAY'; asWeekday: number | null };
export type PlannedSlot = { date: LocalDate; startTime: string; endTime: string; startsAt: Date; endsAt: Date; itemGroup: string; capacity: number };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = weekdayOf(date);
  return day === 0 ? 7 : day;
}

export function templateFor<T extends Pick<PlanTemplate, 'validFrom' | 'validTo' | 'isActive'>>(templates: T[], date: LocalDate): T | null {
  const valid = templates.filter((template) => template.isActive && template.validFrom <= date && (template.validTo === null || template.validTo >= date));
  // The most recently starting template wins: a new template takes over from its validFrom.
  valid.sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
  return valid[0] ?? null;
}

export function openingWeekday({ date, calendar, override, rules }: { date: LocalDate; calendar: WorkingCalendar; override: PlanOverride | null; rules: PlanRule[] }): number | null {
  if (override?.kind === 'CLOSURE') return null;
  if (override?.kind === 'EXTRA_DAY') return override.asWeekday ?? isoWeekday(date);
  const day = calendar.describe(date);
  const weekday = isoWeekday(date);
  const isWeekend = weekday >= 6;
  if (!day.isWorkingDay) return isWeekend && day.source === 'WEEKDAY' ? weekday : null;
  if (!isWeekend) return weekday;
  const makeUp = [1, 2, 3, 4, 5].find((candidate) => rules.some((rule) => rule.weekday === candidate));
  return makeUp ?? null;
}

export function plannedSlotsFor({ date, templates, override, calendar }: { date: LocalDate; templates: PlanTemplate[]; override: PlanOverride | null; calendar: WorkingCalendar }): PlannedSlot[] {
  const template = templateFor(templates, date);
  if (!template) return [];
  const weekday = openingWeekday({ date, calendar, override, rules: template.rules });
  if (weekday === null) return [];
  const slots: PlannedSlot[] = [];
  for (const rule of template.rules.filter((candidate) => candidate.weekday === weekday)) {
    const end = atLocalTime(date, rule.endTime).getTime();
    const step = Math.max(5, rule.slotMinutes) * 60_000;
    for (let start = atLocalTime(date, rule.startTime).getTime(); start + step <= end; start += step) {
      const startsAt = new Date(start);
      const endsAt = new Date(start + step);
      slots.push({ date, startTime: clockTime(startsAt), endTime: clockTime(endsAt), startsAt, endsAt, itemGroup: rule.itemGroup, capacity: rule.capacity });
    }
  }
  return slots;
}

/** "HH:MM" of an instant in Shanghai. */
export function clockTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}

/**
 * The booking window: from today up to and including the `daysAhead`-th working day after today
 * (book from the next slot up to 7 working days ahead).
 */
export function bookingWindowDates(calendar: WorkingCalendar, now: Date, daysAhead: number): LocalDate[] {
  const today = localDateOf(now);
  const last = localDateOf(calendar.addWorkingDays(now, daysAhead));
  const dates: LocalDate[] = [];
  for (let date = today; date <= last; date = addLocalDays(date, 1)) dates.push(date);
  return dates;
}
