import { createHash } from 'node:crypto';
import { isWorkday } from 'chinese-days';

/**
 * Dates for the demo data, in Asia/Shanghai (UTC+8, no daylight saving). Working days come from
 * the chinese-days calendar (statutory holidays and 调休 make-up days). Deadlines are the end of
 * the last working day allowed. The BFF's calendar module owns these rules at run time; the seed
 * only needs believable dates relative to the moment it runs.
 */

const shanghaiOffsetMs = 8 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/** "YYYY-MM-DD" of the Shanghai day an instant falls on. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + shanghaiOffsetMs).toISOString().slice(0, 10);
}

/** The instant of a Shanghai wall-clock time, e.g. at('2026-11-20', '09:30'). */
export function at(day: string, time = '00:00'): Date {
  return new Date(`${day}T${time}:00.000+08:00`);
}

export function endOfDay(day: string): Date {
  return new Date(at(day).getTime() + dayMs - 1);
}

/** A Shanghai calendar day as stored in a DATE column (midnight UTC of that date). */
export function dateOnly(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return new Date(dateOnly(day).getTime() + days * dayMs).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string): boolean {
  return isWorkday(day);
}

/** The n-th working day after `day` (n > 0) or before it (n < 0); n = 0 returns `day`. */
export function addWorkingDays(day: string, n: number): string {
  let current = day;
  let remaining = Math.abs(n);
  const step = n >= 0 ? 1 : -1;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/** The latest working day on or before `day`. */
export function workingDayOnOrBefore(day: string): string {
  let current = day;
  while (!isWorkingDay(current)) current = addDays(current, -1);
  return current;
}

/** Stable 29-character ids for seed rows that have no natural key, so reruns hit the same rows. */
export function seedId(kind: string, key: string): string {
  return `seed${createHash('sha256').update(`${kind}:${key}`).digest('hex').slice(0, 25)}`;
}
