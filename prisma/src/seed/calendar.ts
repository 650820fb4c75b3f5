import { getDayDetail, getHolidaysInRange, getWorkdaysInRange } from 'chinese-days';
import type { PrismaClient } from '../../generated/client/client';
import { dateOnly } from './clock';

/**
 * Holidays and make-up workdays (调休) from the chinese-days package as CalendarDay rows with
 * source SEED. Existing rows are left alone, so an admin's override of a date survives reseeding.
 * Years the package does not cover yet are maintained by admins (source ADMIN).
 */
export const calendarSeedFromYear = 2025;

function festivalName(day: string): string {
  // getDayDetail names a day "National Day,国庆节,3": English, Chinese, length in days.
  return getDayDetail(day).name.split(',')[1] ?? '节假日';
}

export async function seedCalendar(prisma: PrismaClient, toYear: number): Promise<void> {
  const from = `${calendarSeedFromYear}-01-01`;
  const to = `${toYear}-12-31`;
  const holidays = getHolidaysInRange(from, to, false).map((day) => ({ day, kind: 'HOLIDAY' as const }));
  const workdays = getWorkdaysInRange(from, to, true)
    .filter((day) => [0, 6].includes(dateOnly(day).getUTCDay()))
    .map((day) => ({ day, kind: 'WORKDAY' as const }));
  await prisma.calendarDay.createMany({
    data: [...holidays, ...workdays].map(({ day, kind }) => ({ date: dateOnly(day), kind, name: kind === 'WORKDAY' ? `${festivalName(day)}调休上班` : festivalName(day), source: 'SEED' as const })),
    skipDuplicates: true,
  });
}
