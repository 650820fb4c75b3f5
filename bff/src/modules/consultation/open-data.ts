import { maskPersonalText, opinionOutcomeKindLabels, type OpenDataExport, type OpenDataOpinion } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { localDateOf } from '../calendar/shanghai-time';
import type { ConsultationDeps } from './deps';
import { findReport, listConsultationOpinions } from './opinion-repository';
import { findConsultationState } from './repository';

/**
 * Open data of a finished consultation: every opinion with its outcome and reasons, and nothing
 * that identifies its author (no user, no openid, no time of day; personal numbers in the text
 * masked; texts held for review withheld).
 */
export async function exportOpenData(deps: Pick<ConsultationDeps, 'prisma'>, { consultationId }: { consultationId: string }): Promise<OpenDataExport> {
  const consultation = await findConsultationState(deps.prisma, consultationId);
  if (!consultation || consultation.status === 'DRAFT') throw new AppError('NOT_FOUND', { message: '该意见征集不存在' });
  const report = await findReport(deps.prisma, { consultationId });
  if (consultation.status !== 'FEEDBACK_PUBLISHED' || !report) throw new AppError('ILLEGAL_TRANSITION', { message: '采纳情况反馈发布后才提供开放数据' });
  const rows = await listConsultationOpinions(deps.prisma, consultationId);
  const numberOf = new Map(rows.map((row, index) => [row.id, index + 1]));
  const opinions: OpenDataOpinion[] = rows.flatMap((row, index) => {
    if (!row.outcome?.isPublished) return [];
    return [{
      no: index + 1,
      section: row.section?.number ?? null,
      submittedOn: localDateOf(row.createdAt),
      text: row.contentCheckStatus === 'PASS' ? maskPersonalText(row.body) : null,
      outcome: row.outcome.outcome,
      outcomeLabel: opinionOutcomeKindLabels[row.outcome.outcome],
      summary: row.outcome.summary,
      reason: row.outcome.reason,
      mergedIntoNo: row.outcome.mergedIntoOpinionId ? (numberOf.get(row.outcome.mergedIntoOpinionId) ?? null) : null,
    }];
  });
  return {
    consultation: {
      id: consultation.id,
      title: consultation.title,
      department: consultation.department.name,
      startDate: localDateOf(consultation.startsAt),
      endDate: localDateOf(consultation.endsAt),
      feedbackVersion: report.version,
      feedbackPublishedAt: report.publishedAt.toISOString(),
    },
    opinions,
  };
}

const csvColumns: Array<[string, (opinion: OpenDataOpinion) => string | number | null]> = [
  ['序号', (opinion) => opinion.no],
  ['条款', (opinion) => (opinion.section === null ? '总体' : `第${opinion.section}条`)],
  ['提交日期', (opinion) => opinion.submittedOn],
  ['意见内容', (opinion) => opinion.text ?? '（内容待审核，暂不公开）'],
  ['处理结果', (opinion) => opinion.outcomeLabel],
  ['采纳情况', (opinion) => opinion.summary],
  ['理由', (opinion) => opinion.reason],
  ['合并至序号', (opinion) => opinion.mergedIntoNo],
];

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // A leading = + - @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 with a UTF-8 BOM, so spreadsheet programs read the Chinese correctly. */
export function toCsv(data: OpenDataExport): string {
  const lines = [csvColumns.map(([header]) => header), ...data.opinions.map((opinion) => csvColumns.map(([, read]) => read(opinion)))];
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
