/**
 * Asia/Shanghai has been UTC+8 all year since 1991 (no daylight saving), so local dates are a
 * fixed offset away from instants. Local dates are `YYYY-MM-DD` strings throughout.
 */
export type LocalDate = string;

const offsetMs = 8 * 60 * 60 * 1000;
export const dayMs = 24 * 60 * 60 * 1000;
const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const match = localDatePattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function localDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + offsetMs).toISOString().slice(0, 10);
}

/** The instant a local day starts (00:00 in Shanghai). */
export function startOfLocalDay(date: LocalDate): Date {
  if (!isLocalDate(date)) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - offsetMs);
}

/** The last millisecond of a local day: deadlines are "by the end of" a day. */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date(startOfLocalDay(date).getTime() + dayMs - 1);
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

/** `HH:mm` on a local day, as an instant. */
export function atLocalTime(date: LocalDate, time: string): Date {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`not a time of day: ${time}`);
  return new Date(startOfLocalDay(date).getTime() + (Number(match[1]) * 60 + Number(match[2])) * 60_000);
}

/** "11月22日" — how a resident reads a date. */
export function formatMonthDay(instant: Date): string {
  const [, month, day] = localDateOf(instant).split('-');
  return `${Number(month)}月${Number(day)}日`;
}
