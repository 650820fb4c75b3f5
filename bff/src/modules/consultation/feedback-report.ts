import type { FeedbackReportBody, OpinionOutcomeKind, OutcomeCounts } from '@govpocket/shared';
import { maskPersonalText } from '@govpocket/shared';

/**
 * 采纳情况反馈: built from the answers as published, so its numbers are the answers' numbers.
 * Opinion texts appear only as masked excerpts next to the reasons for not adopting them.
 */
export type ReportOpinion = {
  id: string;
  body: string;
  contentCheckStatus: string;
  section: { number: number } | null;
  outcome: { outcome: OpinionOutcomeKind; reason: string | null; summary: string | null; mergedIntoOpinionId: string | null } | null;
};

const excerptLength = 120;

export function publicExcerpt(opinion: Pick<ReportOpinion, 'body' | 'contentCheckStatus'>): string | null {
  if (opinion.contentCheckStatus !== 'PASS') return null;
  const chars = [...maskPersonalText(opinion.body)];
  return chars.length > excerptLength ? `${chars.slice(0, excerptLength).join('')}…` : chars.join('');
}

function countOutcomes(opinions: ReportOpinion[]): OutcomeCounts {
  const counts: OutcomeCounts = { ADOPTED: 0, PARTIALLY_ADOPTED: 0, NOT_ADOPTED: 0, MERGED: 0 };
  for (const opinion of opinions) if (opinion.outcome) counts[opinion.outcome.outcome] += 1;
  return counts;
}

export function buildFeedbackReport(opinions: ReportOpinion[], sectionNumbers: number[]): FeedbackReportBody {
  const on = (number: number | null) => opinions.filter((opinion) => (opinion.section?.number ?? null) === number);
  const kindOf = (opinion: ReportOpinion) => opinion.outcome?.outcome;
  return {
    totals: { opinions: opinions.length, ...countOutcomes(opinions) },
    sections: [
      { number: null, label: '总体意见', opinions: on(null).length, outcomes: countOutcomes(on(null)) },
      ...sectionNumbers.map((number) => ({ number, label: `第${number}条`, opinions: on(number).length, outcomes: countOutcomes(on(number)) })),
    ],
    adopted: opinions
      .filter((opinion) => kindOf(opinion) === 'ADOPTED' || kindOf(opinion) === 'PARTIALLY_ADOPTED')
      .map((opinion) => ({ opinionId: opinion.id, section: opinion.section?.number ?? null, outcome: kindOf(opinion) ?? null, summary: opinion.outcome?.summary ?? publicExcerpt(opinion) })),
    notAdopted: opinions
      .filter((opinion) => kindOf(opinion) === 'NOT_ADOPTED')
      .map((opinion) => ({ opinionId: opinion.id, section: opinion.section?.number ?? null, reason: opinion.outcome?.reason ?? null, excerpt: publicExcerpt(opinion) ?? '（内容待审核，暂不公开）' })),
    merged: opinions
      .filter((opinion) => kindOf(opinion) === 'MERGED')
      .map((opinion) => ({ opinionId: opinion.id, mergedIntoOpinionId: opinion.outcome?.mergedIntoOpinionId ?? null, reason: opinion.outcome?.reason ?? null })),
  };
}

export function reportHeadline(totals: FeedbackReportBody['totals']): string {
  return `本次征集共收到意见${totals.opinions}条，采纳${totals.ADOPTED}条，部分采纳${totals.PARTIALLY_ADOPTED}条，不予采纳${totals.NOT_ADOPTED}条，合并处理${totals.MERGED}条。`;
}
