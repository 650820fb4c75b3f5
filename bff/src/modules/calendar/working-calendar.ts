import type { CalendarEntry, DayKind, HolidaySource } from './holiday-source';
import { addLocalDays, atLocalTime, dayMs, endOfLocalDay, localDateOf, startOfLocalDay, weekdayOf, type LocalDate } from './shanghai-time';

/**
 * Working days in Asia/Shanghai: the published arrangement (holidays and 调休 make-up workdays)
 * where it exists, Monday–Friday elsewhere, and the admin's overrides above both.
 *
 * Deadlines count whole working days after the day something happened and fall due at the end of
 * the last one: a letter submitted on Friday with 2 working days to accept is due by Tuesday 24:00.
 */
export type WorkingCalendar = {
  describe: (date: LocalDate) => { date: LocalDate; isWorkingDay: boolean; name: string | null; source: 'OVERRIDE' | 'PUBLISHED' | 'WEEKDAY' };
  isWorkingDay: (date: LocalDate) => boolean;
  /** End of the n-th working day after the local date of `from` (n = 0: end of that day). */
  addWorkingDays: (from: Date, days: number) => Date;
  /** Working days after the local date of `from` up to and including that of `to`. */
  workingDaysBetween: (from: Date, to: Date) => number;
  /** The first working day strictly after `from`'s day, or `from`'s own day when `time` is still ahead. */
  nextWorkingDayAt: (from: Date, time: string) => Date;
  /** Milliseconds of working-day time in [from, to): what a stopped clock owes back. */
  workingTimeBetween: (from: Date, to: Date) => number;
  /** Moves an instant forward by working-day time only. */
  addWorkingTime: (from: Date, ms: number) => Date;
};

export type CalendarOverride = { date: LocalDate; kind: DayKind; name: string };

const searchLimitDays = 3660; // ten years: a calendar with no working day at all is a data error

export function createWorkingCalendar(source: HolidaySource, overrides: Iterable<CalendarOverride> = []): WorkingCalendar {
  const overrideByDate = new Map<LocalDate, CalendarEntry>();
  for (const override of overrides) overrideByDate.set(override.date, { kind: override.kind, name: override.name });

  const describe: WorkingCalendar['describe'] = (date) => {
    const override = overrideByDate.get(date);
    if (override) return { date, isWorkingDay: override.kind === 'WORKDAY', name: override.name, source: 'OVERRIDE' };
    const published = source.entries.get(date);
    if (published) return { date, isWorkingDay: published.kind === 'WORKDAY', name: published.name, source: 'PUBLISHED' };
    const weekday = weekdayOf(date);
    return { date, isWorkingDay: weekday !== 0 && weekday !== 6, name: null, source: 'WEEKDAY' };
  };
  const isWorkingDay = (date: LocalDate): boolean => describe(date).isWorkingDay;

  const nextWorkingDate = (after: LocalDate): LocalDate => {
    let date = after;
    for (let step = 0; step < searchLimitDays; step += 1) {
      date = addLocalDays(date, 1);
      if (isWorkingDay(date)) return date;
    }
    throw new Error(`no working day within ten years after ${after}: check the holiday calendar`);
  };

  const addWorkingDays: WorkingCalendar['addWorkingDays'] = (from, days) => {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${days}`);
    let date = localDateOf(from);
    for (let counted = 0; counted < days; counted += 1) date = nextWorkingDate(date);
    return endOfLocalDay(date);
  };

  const workingDaysBetween: WorkingCalendar['workingDaysBetween'] = (from, to) => {
    const last = localDateOf(to);
    let count = 0;
    for (let date = addLocalDays(localDateOf(from), 1); date <= last; date = addLocalDays(date, 1)) {
      if (isWorkingDay(date)) count += 1;
    }
    return count;
  };

  const nextWorkingDayAt: WorkingCalendar['nextWorkingDayAt'] = (from, time) => {
    const today = localDateOf(from);
    if (isWorkingDay(today) && atLocalTime(today, time).getTime() > from.getTime()) return atLocalTime(today, time);
    return atLocalTime(nextWorkingDate(today), time);
  };

  const workingTimeBetween: WorkingCalendar['workingTimeBetween'] = (from, to) => {
    let total = 0;
    for (let date = localDateOf(from); startOfLocalDay(date).getTime() < to.getTime(); date = addLocalDays(date, 1)) {
      if (!isWorkingDay(date)) continue;
      const start = Math.max(startOfLocalDay(date).getTime(), from.getTime());
      const end = Math.min(startOfLocalDay(date).getTime() + dayMs, to.getTime());
      if (end > start) total += end - start;
    }
    return total;
  };

  const addWorkingTime: WorkingCalendar['addWorkingTime'] = (from, ms) => {
    let remaining = ms;
    let cursor = from.getTime();
    for (let steps = 0; remaining > 0; steps += 1) {
      if (steps > searchLimitDays) throw new Error('no working day within ten years: check the holiday calendar');
      const date = localDateOf(new Date(cursor));
      const dayEnd = startOfLocalDay(date).getTime() + dayMs;
      if (isWorkingDay(date)) {
        const available = dayEnd - cursor;
        if (remaining <= available) return new Date(cursor + remaining);
        remaining -= available;
      }
      cursor = dayEnd;
    }
    return new Date(cursor);
  };

  return { describe, isWorkingDay, addWorkingDays, workingDaysBetween, nextWorkingDayAt, workingTimeBetween, addWorkingTime };
}
