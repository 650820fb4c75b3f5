import type { ConsultationDetail, ConsultationListItem, MyOpinion, StaffOpinion } from '@govpocket/shared';
import { dayMs, localDateOf } from '../calendar/shanghai-time';
import type { FileUrlSigner } from '../files';
import type { MyOpinionRow, StaffOpinionRow } from './opinion-repository';
import type { ConsultationDetailRow, ConsultationSummaryRow } from './repository';

/** Rows → the DTOs of @govpocket/shared: Prisma rows never reach the client. */

/** Days left with the end day counted (ends today = 1); null unless open. */
export function daysLeft(row: { status: string; endsAt: Date }, now: Date): number | null {
  if (row.status !== 'OPEN') return null;
  const days = Math.round((Date.parse(localDateOf(row.endsAt)) - Date.parse(localDateOf(now))) / dayMs) + 1;
  return Math.max(0, days);
}

export function toListItem(row: ConsultationSummaryRow, now: Date): ConsultationListItem {
  return {
    id: row.id,
    title: row.title,
    department: row.department,
    status: row.status,
    summary: row.summary,
    startDate: localDateOf(row.startsAt),
    endDate: localDateOf(row.endsAt),
    daysLeft: daysLeft(row, now),
    opinionCount: row._count.opinions,
    feedbackPublishedAt: row.feedbackPublishedAt?.toISOString() ?? null,
  };
}

export function isAcceptingOpinions(row: { status: string; startsAt: Date; endsAt: Date }, now: Date): boolean {
  return row.status === 'OPEN' && row.startsAt.getTime() <= now.getTime() && now.getTime() <= row.endsAt.getTime();
}

export function toDetail(row: ConsultationDetailRow, { now, urls }: { now: Date; urls: FileUrlSigner }): ConsultationDetail {
  return {
    ...toListItem(row, now),
    background: row.background,
    basis: row.basis,
    shortenedReason: row.shortenedReason,
    contact: { name: row.contactName, phone: row.contactPhone, email: row.contactEmail, address: row.contactAddress },
    sections: row.sections,
    attachments: row.attachments.map((attachment) => ({
      id: attachment.id,
      name: attachment.name,
      mimeType: attachment.mimeType,
      sizeBytes: attachment.sizeBytes,
      fileId: attachment.fileId,
      url: attachment.fileId ? urls.signFileUrl(attachment.fileId).url : (attachment.url ?? ''),
    })),
    isAcceptingOpinions: isAcceptingOpinions(row, now),
    feedbackVersion: row.feedbackReports[0]?.version ?? null,
  };
}

/** The author's view: a drafted answer stays private (SUBMITTED, no outcome) until publication. */
export function toMyOpinion(row: MyOpinionRow): MyOpinion {
  const published = row.outcome?.isPublished ? row.outcome : null;
  return {
    id: row.id,
    consultation: row.consultation,
    section: row.section,
    body: row.body,
    status: published ? 'PUBLISHED' : 'SUBMITTED',
    createdAt: row.createdAt.toISOString(),
    outcome: published
      ? {
          outcome: published.outcome,
          reason: published.reason,
          summary: published.summary,
          mergedIntoSectionNumber: published.mergedIntoOpinion?.section?.number ?? null,
          publishedAt: published.publishedAt?.toISOString() ?? null,
        }
      : null,
  };
}

export function toStaffOpinion(row: StaffOpinionRow, index: number): StaffOpinion {
  return {
    id: row.id,
    no: index + 1,
    section: row.section,
    body: row.body,
    contentCheckStatus: row.contentCheckStatus,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    outcome: row.outcome,
  };
}
