import type { LetterType, LetterStatsResponse, LetterStatsRow, PublicLetter, PublicLetterListResponse } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import type { MailboxDeps } from './deps';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { findPublishedLetter, isWithdrawnLetter, listLettersForStats, listPublishedLetters, type PublicLetterRow } from './public-repository';

/** 信件选登 and the public statistics (the plans require both to be public; no login). */

function toPublicLetter(row: PublicLetterRow): PublicLetter {
  return {
    id: row.id, type: row.type, title: row.publicTitle ?? '', body: row.publicBody ?? '', reply: row.publicReply, mailboxName: row.mailbox.name,
    departmentName: row.department?.name ?? null, submittedAt: row.submittedAt.toISOString(), repliedAt: row.repliedAt?.toISOString() ?? null,
    publishedAt: (row.publishedAt ?? row.submittedAt).toISOString(),
  };
}

export async function listPublicLetters(
  deps: MailboxDeps,
  { type, mailboxId, departmentId, month, cursor, limit }: { type?: LetterType; mailboxId?: string; departmentId?: string; month?: string; cursor?: string; limit: number },
): Promise<PublicLetterListResponse> {
  const range = month ? periodRange('month', month) : null;
  const rows = await listPublishedLetters(deps.lists, {
    ...(type ? { type } : {}), ...(mailboxId ? { mailboxId } : {}), ...(departmentId ? { departmentId } : {}),
    ...(range ? { publishedAt: { gte: range.from, lt: range.to } } : {}),
  }, { after: decodeCursor(cursor), limit });
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { letters: shown.map(toPublicLetter), nextCursor: rows.length > limit && last?.publishedAt ? encodeCursor({ at: last.publishedAt, id: last.id }) : null };
}

export async function getPublicLetter(deps: MailboxDeps, { id }: { id: string }): Promise<PublicLetter> {
  const row = await findPublishedLetter(deps.prisma, id);
  if (!row) {
    if (await isWithdrawnLetter(deps.prisma, id)) throw new AppError('NOT_FOUND', { message: '该信件已撤回公开', details: { isWithdrawn: true } });
    throw new AppError('NOT_FOUND', { message: '该信件未公开或不存在' });
  }
  return toPublicLetter(row);
}

/** [from, to) of a month (2026-10) or a quarter (2026-Q4), Asia/Shanghai. */
export function periodRange(period: 'month' | 'quarter', value: string): { from: Date; to: Date; fromDate: string; toDate: string } {
  const year = Number(value.slice(0, 4));
  const quarter = /Q([1-4])$/.exec(value)?.[1];
  if ((period === 'quarter') !== Boolean(quarter)) throw new AppError('VALIDATION_FAILED', { message: period === 'quarter' ? '季度格式应为 YYYY-Q1' : '月份格式应为 YYYY-MM' });
  const firstMonth = quarter ? (Number(quarter) - 1) * 3 + 1 : Number(value.slice(5, 7));
  const months = quarter ? 3 : 1;
  const start = { year, month: firstMonth };
  const endMonth = firstMonth + months;
  const end = endMonth > 12 ? { year: year + 1, month: endMonth - 12 } : { year, month: endMonth };
  const iso = ({ year: y, month: m }: { year: number; month: number }): string => `${y}-${String(m).padStart(2, '0')}-01`;
  return { from: new Date(`${iso(start)}T00:00:00+08:00`), to: new Date(`${iso(end)}T00:00:00+08:00`), fromDate: iso(start), toDate: iso(end) };
}

type Tally = Omit<LetterStatsRow, 'onTimeRate' | 'satisfactionRate'>;

/**
 * Per department (the handling one, or the office while a letter is not yet assigned): letters
 * received in the period, how many were accepted, replied, replied by the deadline (extension
 * included), rated, and rated 满意 or 基本满意 (an unrated letter closes as 满意 and counts so).
 */
export async function letterStatistics(deps: MailboxDeps, { period, value }: { period: 'month' | 'quarter'; value: string }): Promise<LetterStatsResponse> {
  const range = periodRange(period, value);
  const rows = await listLettersForStats(deps.lists, range);
  const empty = (departmentId: string | null, departmentName: string): Tally => ({ departmentId, departmentName, received: 0, accepted: 0, replied: 0, repliedOnTime: 0, rated: 0, satisfied: 0 });
  const total = empty(null, '全市');
  const byDepartment = new Map<string, Tally>();
  for (const row of rows) {
    const departmentId = row.departmentId ?? row.ownerDepartmentId;
    const departmentName = row.department?.name ?? row.ownerDepartment.name;
    const tally = byDepartment.get(departmentId) ?? empty(departmentId, departmentName);
    byDepartment.set(departmentId, tally);
    for (const target of [tally, total]) {
      target.received += 1;
      if (row.acceptedAt) target.accepted += 1;
      if (row.repliedAt) {
        target.replied += 1;
        if (row.replyDueAt && row.repliedAt.getTime() <= row.replyDueAt.getTime()) target.repliedOnTime += 1;
      }
      if (row.satisfaction) {
        target.rated += 1;
        if (row.satisfaction !== 'DISSATISFIED') target.satisfied += 1;
      }
    }
  }
  const withRates = (tally: Tally): LetterStatsRow => ({
    ...tally,
    onTimeRate: tally.replied > 0 ? round(tally.repliedOnTime / tally.replied) : null,
    satisfactionRate: tally.rated > 0 ? round(tally.satisfied / tally.rated) : null,
  });
  return {
    period: value, from: range.fromDate, to: range.toDate, total: withRates(total),
    departments: [...byDepartment.values()].map(withRates).sort((a, b) => b.received - a.received || a.departmentName.localeCompare(b.departmentName)),
  };
}

const round = (ratio: number): number => Math.round(ratio * 10_000) / 10_000;
