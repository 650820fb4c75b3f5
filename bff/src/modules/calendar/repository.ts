import type { Prisma, PrismaClient } from '@govpocket/db';
import type { CalendarOverride } from './working-calendar';

type Db = PrismaClient | Prisma.TransactionClient;

const toLocalDate = (date: Date): string => date.toISOString().slice(0, 10);
const toDbDate = (date: string): Date => new Date(`${date}T00:00:00.000Z`);

export async function listOverrides(db: Db): Promise<CalendarOverride[]> {
  const rows = await db.calendarDay.findMany({ where: { source: 'ADMIN' }, select: { date: true, kind: true, name: true }, orderBy: { date: 'asc' } });
  return rows.map((row) => ({ date: toLocalDate(row.date), kind: row.kind, name: row.name }));
}

export async function findOverride(db: Db, date: string): Promise<CalendarOverride | null> {
  const row = await db.calendarDay.findUnique({ where: { date: toDbDate(date) }, select: { date: true, kind: true, name: true } });
  return row ? { date: toLocalDate(row.date), kind: row.kind, name: row.name } : null;
}

export async function upsertOverride(db: Db, override: CalendarOverride): Promise<void> {
  await db.calendarDay.upsert({
    where: { date: toDbDate(override.date) },
    create: { date: toDbDate(override.date), kind: override.kind, name: override.name, source: 'ADMIN' },
    update: { kind: override.kind, name: override.name, source: 'ADMIN' },
  });
}

export async function deleteOverride(db: Db, date: string): Promise<boolean> {
  const { count } = await db.calendarDay.deleteMany({ where: { date: toDbDate(date) } });
  return count > 0;
}
