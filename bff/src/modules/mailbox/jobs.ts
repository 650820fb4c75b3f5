import type Redis from 'ioredis';
import type { PrismaClient } from '@govpocket/db';
import { AppError } from '../../platform/errors/app-error';
import { atLocalTime, localDateOf } from '../calendar/shanghai-time';
import { createCalendarService, type CalendarService } from '../calendar/service';
import { recheckStoredText, type ContentSafetyDeps } from '../content-safety/service';
import { inTransaction } from '../../platform/db/transaction';
import type { ScheduledJob } from '../notification';
import { findLetterOpenid, listDueSoonLetters, listPendingContentLetters, listUnratedPastDue, setContentCheck } from './job-repository';
import { notifyStaff } from './notices';
import { listOverdueLetters, replyClockStatuses } from './staff-repository';
import { createLetterSettingsReader, warningWorkingDays, type LetterSettingsReader } from './settings';
import { applyLetterTransition } from './transitions';

/**
 * The mailbox's recurring work, plain functions of (deps, { now }) so tests drive them with a fixed
 * clock; each is idempotent (dedupe keys per day or per deadline, conditional transitions).
 */
export type LetterJobDeps = { prisma: PrismaClient; calendar: CalendarService; settings: LetterSettingsReader };

export type OverdueNoticeReport = { overdue: number; dueSoon: number; notices: number };

/**
 * 督办: every day after `letter.overdueNoticeAt`, each overdue letter is announced to the handlers
 * of its department (if it has one) and to its office; a letter entering its stage's warning
 * window (`warningWorkingDays`: accepting and replying each have their own) is announced once per
 * deadline.
 */
export async function sendOverdueNotices(deps: LetterJobDeps, { now }: { now: Date }): Promise<OverdueNoticeReport> {
  const settings = await deps.settings.read();
  const today = localDateOf(now);
  const report: OverdueNoticeReport = { overdue: 0, dueSoon: 0, notices: 0 };
  if (now.getTime() < atLocalTime(today, settings.overdueNoticeAt).getTime()) return report;
  const calendar = await deps.calendar.current();

  const overdue = await listOverdueLetters(deps.prisma, {}, now);
  report.overdue = overdue.length;
  for (const letter of overdue) {
    const dueAt = (letter.status === 'SUBMITTED' ? letter.acceptDueAt : letter.replyDueAt) ?? now;
    report.notices += await inTransaction(deps.prisma, async (tx) => {
      let sent = await notifyStaff(tx, { letter, departmentId: letter.ownerDepartmentId, role: 'MAILBOX_OFFICE', event: 'LETTER_OVERDUE', extra: { dueAt }, tag: `overdue-${today}` });
      if (letter.departmentId && replyClockStatuses.includes(letter.status)) {
        sent += await notifyStaff(tx, { letter, departmentId: letter.departmentId, role: 'DEPARTMENT_HANDLER', event: 'LETTER_OVERDUE', extra: { dueAt }, tag: `overdue-${today}` });
      }
      return sent;
    });
  }

  const dueSoon = await listDueSoonLetters(deps.prisma, {
    now,
    acceptHorizon: calendar.addWorkingDays(now, warningWorkingDays(settings, 'accept')),
    replyHorizon: calendar.addWorkingDays(now, warningWorkingDays(settings, 'reply')),
  });
  report.dueSoon = dueSoon.length;
  for (const letter of dueSoon) {
    const dueAt = (letter.status === 'SUBMITTED' ? letter.acceptDueAt : letter.replyDueAt) ?? now;
    const onDesk = letter.status === 'SUBMITTED' || !letter.departmentId
      ? { departmentId: letter.ownerDepartmentId, role: 'MAILBOX_OFFICE' as const }
      : { departmentId: letter.departmentId, role: 'DEPARTMENT_HANDLER' as const };
    report.notices += await inTransaction(deps.prisma, (tx) => notifyStaff(tx, { letter, ...onDesk, event: 'LETTER_DEADLINE_WARNING', extra: { dueAt }, tag: `warn-${dueAt.toISOString()}` }));
  }
  return report;
}

/** Replied letters nobody rated within the window close as 满意 (domain rule). */
export async function closeUnratedLetters(deps: LetterJobDeps, { now }: { now: Date }): Promise<number> {
  let closed = 0;
  for (const { id } of await listUnratedPastDue(deps.prisma, now)) {
    const isClosed = await inTransaction(deps.prisma, async (tx) => {
      try {
        await applyLetterTransition(tx, {
          letterId: id, action: 'CLOSE', actor: { type: 'SYSTEM', userId: null, role: null }, reason: '评价期满未评价，视为满意',
          guard: (row) => {
            if (!row.rateDueAt || row.rateDueAt.getTime() > now.getTime()) throw new AppError('CONFLICT');
          },
          patch: { satisfaction: 'SATISFIED', isSatisfactionDefaulted: true, closedAt: now },
        });
        return true;
      } catch (error) {
        // The resident rated in the meantime: nothing to do.
        if (error instanceof AppError && error.status === 409) return false;
        throw error;
      }
    });
    if (isClosed) closed += 1;
  }
  return closed;
}

/** Letters stored while WeChat's check was unreachable get their verdict once it answers again. */
export async function recheckPendingLetters(deps: LetterJobDeps & { contentSafety: ContentSafetyDeps }): Promise<number> {
  let checked = 0;
  for (const letter of await listPendingContentLetters(deps.prisma)) {
    const openid = await findLetterOpenid(deps.prisma, letter.residentId);
    if (!openid) continue;
    const verdict = await recheckStoredText(deps.contentSafety, { text: letter.body, title: letter.title, openid, scene: 'FORUM' });
    if (!verdict) continue;
    await setContentCheck(deps.prisma, letter.id, verdict);
    checked += 1;
  }
  return checked;
}

export function mailboxScheduledJobs({ prisma, redis, keyPrefix, contentSafety, now = () => new Date() }: { prisma: PrismaClient; redis: Redis; keyPrefix: string; contentSafety: ContentSafetyDeps; now?: () => Date }): ScheduledJob[] {
  const deps: LetterJobDeps = { prisma, calendar: createCalendarService({ prisma, redis, keyPrefix }), settings: createLetterSettingsReader(prisma) };
  return [
    {
      name: 'letter-overdue-notices',
      every: 10 * 60_000,
      handler: async ({ logger }) => {
        const report = await sendOverdueNotices(deps, { now: now() });
        if (report.notices > 0) logger.info(report, 'letter deadline notices sent');
      },
    },
    {
      name: 'letter-close-unrated',
      every: 10 * 60_000,
      handler: async ({ logger }) => {
        const closed = await closeUnratedLetters(deps, { now: now() });
        if (closed > 0) logger.info({ closed }, 'unrated letters closed');
      },
    },
    {
      name: 'letter-content-recheck',
      every: 5 * 60_000,
      handler: async () => {
        await recheckPendingLetters({ ...deps, contentSafety });
      },
    },
  ];
}
