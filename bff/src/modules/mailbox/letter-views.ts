import type { LetterAction } from '@govpocket/db';
import { letterStatusLabels, type LetterSummary, type LetterTimelineEntry, type ResidentLetter } from '@govpocket/shared';
import type { FileUrlSigner } from '../files';
import type { LetterSummaryRow, ResidentLetterRow } from './letter-repository';

/** Shapes letter rows into what residents read: their own letters and the public timeline. */

/** The steps a resident sees, in their words; internal steps (drafts, send-backs, returns) stay inside. */
const publicActionLabels: Partial<Record<LetterAction, string>> = {
  SUBMIT: '提交来信',
  ACCEPT: '已受理',
  NOT_ACCEPT: '不予受理',
  ASSIGN: '转有关部门办理',
  REQUEST_SUPPLEMENT: '请您补充材料',
  SUPPLEMENT: '已补充材料',
  APPROVE_EXTENSION: '办理期限延长',
  APPROVE_REPLY: '已答复',
  RATE: '已评价',
  CLOSE: '已办结',
  REOPEN: '重新办理',
  PUBLISH: '已在信件选登公开',
  UNPUBLISH: '已从信件选登撤回',
  MERGE: '与相同来信合并办理',
};
const actionsWithPublicReason: readonly LetterAction[] = ['NOT_ACCEPT', 'REQUEST_SUPPLEMENT', 'APPROVE_EXTENSION', 'MERGE'];

type TimelineRow = { action: LetterAction; reason: string | null; createdAt: Date; data: unknown };

/**
 * What a resident reads about a merge: never the other letter's tracking code (with the phone's
 * last four digits it opens that resident's letter). Also for merges recorded before this rule,
 * whose stored reason named the code.
 */
export const mergedDuplicateReason = '与其他市民的来信内容重复，已合并到该来信一并办理';
export const mergedTargetReason = '已将内容相同的其他来信合并到本信一并办理';

function residentReason(event: TimelineRow): string | null {
  if (event.action === 'MERGE') return readString(event.data, 'intoLetterId') ? mergedDuplicateReason : mergedTargetReason;
  return actionsWithPublicReason.includes(event.action) ? event.reason : null;
}

/** Staff may see which letters were merged: the codes are in the event data. */
export function staffMergeReason(event: { action: LetterAction; data: unknown }): string | null {
  if (event.action !== 'MERGE') return null;
  const into = readString(event.data, 'intoTrackingCode');
  if (into) return `与来信${into}内容重复，合并办理`;
  const merged = readString(event.data, 'mergedTrackingCode');
  return merged ? `合并了重复来信${merged}` : null;
}

export function publicTimeline(events: TimelineRow[]): LetterTimelineEntry[] {
  return events.flatMap((event) => {
    const label = publicActionLabels[event.action];
    if (!label) return [];
    const departmentName = event.action === 'ASSIGN' ? readString(event.data, 'departmentName') : null;
    return [{
      action: event.action,
      label: departmentName ? `转${departmentName}办理` : label,
      at: event.createdAt.toISOString(),
      reason: residentReason(event),
    }];
  });
}

function readString(data: unknown, key: string): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const value: unknown = Reflect.get(data, key);
  return typeof value === 'string' ? value : null;
}

export function toLetterSummary(row: LetterSummaryRow): LetterSummary {
  return {
    id: row.id, trackingCode: row.trackingCode, type: row.type, status: row.status, statusLabel: letterStatusLabels[row.status], title: row.title,
    mailboxName: row.mailbox.name, submittedAt: row.submittedAt.toISOString(), isAwaitingSupplement: row.isAwaitingSupplement,
  };
}

export function toResidentLetter(row: ResidentLetterRow, { now, urls, viewerUserId }: { now: Date; urls: FileUrlSigner; viewerUserId: string }): ResidentLetter {
  const reply = row.status === 'REPLIED' || row.status === 'CLOSED' ? row.replies[0] : undefined;
  const supplement = row.isAwaitingSupplement ? row.supplements[0] : undefined;
  return {
    ...toLetterSummary(row),
    body: row.body,
    departmentName: row.department?.name ?? null,
    isPublishAgreed: row.isPublishAgreed,
    expectedAcceptBy: row.acceptDueAt.toISOString(),
    replyDueAt: row.replyDueAt?.toISOString() ?? null,
    notAcceptedReason: row.mergedIntoId ? mergedDuplicateReason : row.notAcceptedReason,
    reply: reply ? { body: reply.body, departmentName: reply.department.name, repliedAt: (row.repliedAt ?? reply.reviewedAt ?? now).toISOString() } : null,
    supplementRequest: supplement ? { id: supplement.id, request: supplement.request, requestedAt: supplement.createdAt.toISOString() } : null,
    rating: row.satisfaction ? { satisfaction: row.satisfaction, comment: row.satisfactionComment, isDefaulted: row.isSatisfactionDefaulted } : null,
    canRate: row.status === 'REPLIED' && row.rateDueAt !== null && row.rateDueAt.getTime() > now.getTime(),
    rateDueAt: row.rateDueAt?.toISOString() ?? null,
    images: row.attachments.flatMap((image) => (image.uploadedFileId ? [{ url: urls.signFileUrl(image.uploadedFileId, { viewerUserId }).url }] : [])),
    timeline: publicTimeline(row.events),
  };
}
