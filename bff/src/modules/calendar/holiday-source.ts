import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LocalDate } from './shanghai-time';

export type DayKind = 'HOLIDAY' | 'WORKDAY';
export type CalendarEntry = { kind: DayKind; name: string };

/**
 * The State Council's holiday arrangements as published in the `chinese-days` package: holidays
 * and make-up workdays (调休) for every year it covers. Years it does not cover fall back to
 * Monday–Friday plus the admin's overrides.
 */
export type HolidaySource = { coveredYears: ReadonlySet<number>; entries: ReadonlyMap<LocalDate, CalendarEntry> };

type YearFile = { holidays?: Record<string, string>; workdays?: Record<string, string> };

function chineseName(raw: string): string {
  // Entries look like "Spring Festival,春节,4": keep the Chinese name.
  return raw.split(',')[1] ?? raw;
}

let cached: HolidaySource | undefined;

export function loadChineseDays(): HolidaySource {
  if (cached) return cached;
  const yearsDir = path.join(path.dirname(require.resolve('chinese-days/package.json')), 'dist', 'years');
  const coveredYears = new Set<number>();
  const entries = new Map<LocalDate, CalendarEntry>();
  for (const file of readdirSync(yearsDir).filter((name) => /^\d{4}\.json$/.test(name))) {
    coveredYears.add(Number(file.slice(0, 4)));
    const year = JSON.parse(readFileSync(path.join(yearsDir, file), 'utf8')) as YearFile;
    for (const [date, name] of Object.entries(year.holidays ?? {})) entries.set(date, { kind: 'HOLIDAY', name: chineseName(name) });
    for (const [date, name] of Object.entries(year.workdays ?? {})) entries.set(date, { kind: 'WORKDAY', name: `${chineseName(name)}调休上班` });
  }
  cached = { coveredYears, entries };
  return cached;
}
