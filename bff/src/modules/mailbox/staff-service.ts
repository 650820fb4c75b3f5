import { readPersonal, type Prisma } from '@govpocket/db';
import { staffMergeReason } from './letter-views';
import { letterActionLabels, letterStatusLabels, type SessionUser, type StaffLetter, type StaffLetterListResponse, type Urgency } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { MailboxDeps } from './deps';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { findLetterForAccess } from './repository';
import { warningWorkingDays, type LetterSettings, type LetterStage } from './settings';
import { readerActor } from './staff-access';
import { findStaffLetter, insertNote, listLetterPage, listOverdueLetters, replyClockStatuses, type Keyset, type StaffListRow } from './staff-repository';
import { findSimilarOpenLetters, suggestDepartments } from './suggestion';

/** What staff read: one letter with everything internal, the office's and the department's lists, 督办. */

/** 即将超期 follows the stage's own warning threshold (accepting, or handling and replying). */
export function urgencyOf(
  calendar: WorkingCalendar,
  row: { status: StaffListRow['status']; acceptDueAt: Date; replyDueAt: Date | null; isAwaitingSupplement: boolean },
  now: Date,
  settings: LetterSettings,
): { dueAt: Date | null; urgency: Urgency } {
  const stage: LetterStage | null = row.status === 'SUBMITTED' ? 'accept' : replyClockStatuses.includes(row.status) ? 'reply' : null;
  const dueAt = stage === 'accept' ? row.acceptDueAt : stage === 'reply' ? row.replyDueAt : null;
  if (!stage || !dueAt) return { dueAt: null, urgency: 'NORMAL' };
  if (row.isAwaitingSupplement) return { dueAt, urgency: 'PAUSED' };
  if (now.getTime() > dueAt.getTime()) return { dueAt, urgency: 'OVERDUE' };
  return { dueAt, urgency: calendar.workingDaysBetween(now, dueAt) <= warningWorkingDays(settings, stage) ? 'DUE_SOON' : 'NORMAL' };
}

async function toRows(deps: MailboxDeps, rows: StaffListRow[]) {
  const calendar = await deps.calendar.current();
  const settings = await deps.settings.read();
  const now = deps.now();
  return rows.map((row) => {
    const { dueAt, urgency } = urgencyOf(calendar, row, now, settings);
    return {
      id: row.id, trackingCode: row.trackingCode, type: row.type, status: row.status, statusLabel: letterStatusLabels[row.status], title: row.title,
      mailboxName: row.mailbox.name, departmentName: row.department?.name ?? null, submittedAt: row.submittedAt.toISOString(), dueAt: dueAt?.toISOString() ?? null, urgency,
      contentCheckStatus: row.contentCheckStatus,
    };
  });
}

async function page(deps: MailboxDeps, where: Prisma.LetterWhereInput, keyset: Omit<Keyset, 'after'>, cursor: string | undefined): Promise<StaffLetterListResponse> {
  const rows = await listLetterPage(deps.lists, where, { ...keyset, after: decodeCursor(cursor) });
  const hasMore = rows.length > keyset.limit;
  const shown = rows.slice(0, keyset.limit);
  const last = shown.at(-1);
  const lastAt = last ? last[keyset.field] : null;
  return { letters: await toRows(deps, shown), nextCursor: hasMore && last && lastAt ? encodeCursor({ at: lastAt, id: last.id }) : null };
}

export type OfficeView = 'inbox' | 'open' | 'review' | 'closed' | 'all';

/** The office's letters: new ones first by accept deadline, open and to-review ones by reply deadline. */
export async function listOfficeLetters(deps: MailboxDeps, { officeId, view, cursor, limit }: { officeId: string; view: OfficeView; cursor?: string; limit: number }): Promise<StaffLetterListResponse> {
  const owner = { ownerDepartmentId: officeId };
  switch (view) {
    case 'inbox':
      return page(deps, { ...owner, status: 'SUBMITTED' }, { field: 'acceptDueAt', direction: 'asc', limit }, cursor);
    case 'open':
      return page(deps, { ...owner, status: { in: replyClockStatuses } }, { field: 'replyDueAt', direction: 'asc', limit }, cursor);
    case 'review':
      return page(deps, { ...owner, OR: [{ status: { in: ['ACCEPTED', 'RETURNED', 'REPLY_DRAFTED'] } }, { extensions: { some: { status: 'PENDING' } } }] }, { field: 'replyDueAt', direction: 'asc', limit }, cursor);
    case 'closed':
      return page(deps, { ...owner, status: { in: ['REPLIED', 'CLOSED', 'NOT_ACCEPTED'] } }, { field: 'submittedAt', direction: 'desc', limit }, cursor);
    case 'all':
      return page(deps, owner, { field: 'submittedAt', direction: 'desc', limit }, cursor);
  }
}

/** My department's open letters, most urgent first (overdue, then due soonest): one keyset range. */
export async function listDepartmentLetters(deps: MailboxDeps, { departmentId, cursor, limit }: { departmentId: string; cursor?: string; limit: number }): Promise<StaffLetterListResponse> {
  return page(deps, { openDepartmentId: departmentId }, { field: 'replyDueAt', direction: 'asc', limit }, cursor);
}

/** 督办: letters past a deadline with the clock running, for one office or (admins) all. */
export async function listOverdue(deps: MailboxDeps, { officeId }: { officeId: string | null }): Promise<StaffLetterListResponse> {
  const rows = await listOverdueLetters(deps.lists, officeId ? { ownerDepartmentId: officeId } : {}, deps.now());
  return { letters: await toRows(deps, rows), nextCursor: null };
}

export async function getStaffLetter(deps: MailboxDeps, { user, letterId }: { user: SessionUser; letterId: string }): Promise<StaffLetter> {
  const row = await findStaffLetter(deps.prisma, letterId);
  if (!row) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  const reader = readerActor(user, row);
  const [base] = await toRows(deps, [row]);
  if (!base) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  const isOpenForOffice = reader.isOffice && (row.status === 'SUBMITTED' || row.status === 'ACCEPTED' || row.status === 'RETURNED');
  return {
    ...base,
    body: row.body,
    // Unreadable (copied from another row, a retired key): shown as no number rather than failing.
    contactPhone: readPersonal(row.contactPhoneEncrypted, { field: 'Letter.contactPhoneEncrypted', rowId: row.id }) ?? '',
    isPublishAgreed: row.isPublishAgreed, isPublished: row.isPublished, isAwaitingSupplement: row.isAwaitingSupplement,
    ownerDepartmentId: row.ownerDepartmentId, departmentId: row.departmentId,
    acceptDueAt: row.acceptDueAt.toISOString(), replyDueAt: row.replyDueAt?.toISOString() ?? null,
    extensionDays: row.extensionDays, reopenedCount: row.reopenedCount, satisfaction: row.satisfaction, satisfactionComment: row.satisfactionComment,
    mergedIntoTrackingCode: row.mergedInto?.trackingCode ?? null,
    images: row.attachments.flatMap((image) => (image.uploadedFileId ? [{ url: deps.files.urls.signFileUrl(image.uploadedFileId, { viewerUserId: user.id }).url, checkStatus: image.checkStatus }] : [])),
    notes: row.notes.map((note) => ({ id: note.id, body: note.body, authorName: note.author.staffAccount?.name ?? note.author.nickname ?? '工作人员', createdAt: note.createdAt.toISOString() })),
    replies: row.replies.map((reply) => ({ ...reply, updatedAt: reply.updatedAt.toISOString() })),
    extensions: row.extensions.map((extension) => ({ ...extension, createdAt: extension.createdAt.toISOString() })),
    supplements: row.supplements.map((supplement) => ({ ...supplement, createdAt: supplement.createdAt.toISOString(), respondedAt: supplement.respondedAt?.toISOString() ?? null })),
    events: row.events.map((event) => ({ action: event.action, label: letterActionLabels[event.action], fromStatus: event.fromStatus, toStatus: event.toStatus, actorRole: event.actorRole, reason: staffMergeReason(event) ?? event.reason, at: event.createdAt.toISOString() })),
    suggestedDepartments: isOpenForOffice ? await suggestDepartments(deps.prisma, row) : [],
    similarLetters: reader.isOffice && row.status !== 'CLOSED' && row.status !== 'NOT_ACCEPTED' ? await findSimilarOpenLetters(deps.prisma, row) : [],
  };
}

/** Internal notes: staff only, never shown to the resident or published. */
export async function addNote(deps: MailboxDeps, { user, letterId, body, requestId }: { user: SessionUser; letterId: string; body: string; requestId: string }): Promise<{ id: string }> {
  const letter = await findLetterForAccess(deps.prisma, letterId);
  if (!letter) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  const actor = readerActor(user, letter);
  return inTransaction(deps.prisma, async (tx) => {
    const note = await insertNote(tx, { letterId, authorId: actor.userId, body });
    await writeAudit(tx, { actorUserId: actor.userId, actorRole: actor.role, action: 'LETTER_NOTE_ADDED', entityType: 'Letter', entityId: letterId, after: { noteId: note.id }, requestId });
    return note;
  });
}
