import { calendarDateSchema } from '@govpocket/shared';
import type Redis from 'ioredis';
import type { PrismaClient } from '@govpocket/db';
import type { SessionUser } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { loadChineseDays } from './holiday-source';
import { deleteOverride, findOverride, listOverrides, upsertOverride } from './repository';
import { addLocalDays, isLocalDate } from './shanghai-time';
import { createWorkingCalendar, type CalendarOverride, type WorkingCalendar } from './working-calendar';

/**
 * The working calendar every deadline uses: chinese-days plus the admin's overrides from the
 * database. Each process caches it and reloads when the shared version counter in Redis moves, so
 * an admin's change reaches every BFF process and worker at once.
 */
export type CalendarService = {
  current: () => Promise<WorkingCalendar>;
  setOverride: (input: { admin: SessionUser; override: CalendarOverride; requestId: string }) => Promise<void>;
  removeOverride: (input: { admin: SessionUser; date: string; requestId: string }) => Promise<void>;
  /** Every day of a year that is not an ordinary Mon–Fri working day or weekend: holidays, 调休, overrides. */
  specialDays: (year: number) => Promise<Array<ReturnType<WorkingCalendar['describe']>>>;
};

export function createCalendarService({ prisma, redis, keyPrefix }: { prisma: PrismaClient; redis: Redis; keyPrefix: string }): CalendarService {
  const versionKey = `${keyPrefix}calendar:version`;
  let cached: { version: string; calendar: WorkingCalendar } | undefined;

  const current = async (): Promise<WorkingCalendar> => {
    const version = (await redis.get(versionKey)) ?? '0';
    if (cached?.version === version) return cached.calendar;
    const calendar = createWorkingCalendar(loadChineseDays(), await listOverrides(prisma));
    cached = { version, calendar };
    return calendar;
  };

  const assertDate = (date: string): void => {
    if (!isLocalDate(date) || !calendarDateSchema.safeParse(date).success) throw new AppError('VALIDATION_FAILED', { message: '日期格式应为 YYYY-MM-DD，年份应在 2000 至 2100 之间' });
  };

  return {
    current,
    setOverride: async ({ admin, override, requestId }) => {
      assertDate(override.date);
      await prisma.$transaction(async (tx) => {
        const before = await findOverride(tx, override.date);
        await upsertOverride(tx, override);
        await writeAudit(tx, {
          actorUserId: admin.id, actorRole: 'ADMIN', action: 'CALENDAR_DAY_SET', entityType: 'CalendarDay', entityId: override.date,
          before: before ?? undefined, after: override, requestId,
        });
      });
      await redis.incr(versionKey);
    },
    removeOverride: async ({ admin, date, requestId }) => {
      assertDate(date);
      await prisma.$transaction(async (tx) => {
        const before = await findOverride(tx, date);
        if (!before || !(await deleteOverride(tx, date))) throw new AppError('NOT_FOUND', { message: '该日期没有人工调整' });
        await writeAudit(tx, { actorUserId: admin.id, actorRole: 'ADMIN', action: 'CALENDAR_DAY_REMOVED', entityType: 'CalendarDay', entityId: date, before, requestId });
      });
      await redis.incr(versionKey);
    },
    specialDays: async (year) => {
      const calendar = await current();
      const days = [];
      for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addLocalDays(date, 1)) {
        const day = calendar.describe(date);
        if (day.source !== 'WEEKDAY') days.push(day);
      }
      return days;
    },
  };
}
