import type { LocalDate } from '../calendar/shanghai-time';

/** Shanghai calendar days as stored in DATE columns (midnight UTC of that date), and back. */
export function toDbDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

export function activeDayKey({ residentId, itemId, date }: { residentId: string; itemId: string; date: LocalDate }): string {
  return `${residentId}:${itemId}:${date}`;
}
