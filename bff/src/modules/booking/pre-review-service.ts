import { contentCheckStatusLabels, type SessionUser, type StaffPreReview } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { localDateOf } from '../calendar/shanghai-time';
import { enqueueNotification } from '../notification';
import { appointmentLink } from './book-appointment';
import { toPreReviewView } from './appointment-view';
import { fromDbDate, toDbDate } from './dates';
import type { BookingDeps } from './deps';
import { findHallPreReview, listHallPreReviews, savePreReviewResult, type StaffPreReviewRow } from './pre-review-repository';
import { inTransaction } from '../../platform/db/transaction';

/**
 * 预审: staff look at the photos residents attached while booking and mark each material as
 * passed or needing correction (补正) before the visit; the resident is told at once.
 */
function toStaffPreReview(deps: BookingDeps, row: StaffPreReviewRow, viewerUserId: string): StaffPreReview {
  return {
    ...toPreReviewView(deps, row, viewerUserId),
    checkStatus: row.checkStatus,
    checkStatusLabel: contentCheckStatusLabels[row.checkStatus],
    appointmentId: row.appointment.id,
    itemName: row.appointment.item.name,
    date: fromDbDate(row.appointment.date),
    startTime: row.appointment.slot.startTime,
  };
}

export async function listPreReviews(deps: BookingDeps, { staff, hallId, status }: { staff: SessionUser; hallId: string; status?: 'PENDING' | 'PASSED' | 'NEEDS_CORRECTION' }) {
  const rows = await listHallPreReviews(deps.prisma, { hallId, status, fromDate: toDbDate(localDateOf(deps.now())) });
  return { items: rows.map((row) => toStaffPreReview(deps, row, staff.id)) };
}

export async function reviewPreReview(
  deps: BookingDeps,
  { staff, hallId, fileId, status, comment, requestId }: { staff: SessionUser; hallId: string; fileId: string; status: 'PASSED' | 'NEEDS_CORRECTION'; comment?: string; requestId: string },
): Promise<StaffPreReview> {
  const row = await findHallPreReview(deps.prisma, { id: fileId, hallId });
  if (!row) throw new AppError('NOT_FOUND', { message: '本大厅没有这份预审材料' });
  if (!['BOOKED', 'CHECKED_IN', 'CALLED', 'SERVING'].includes(row.appointment.status)) throw new AppError('ILLEGAL_TRANSITION', { message: '该预约已结束，不能再预审' });
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    await savePreReviewResult(tx, { id: fileId, status, comment: comment || null, reviewedById: staff.id, reviewedAt: now });
    await writeAudit(tx, {
      actorUserId: staff.id, actorRole: 'WINDOW_STAFF', action: 'PRE_REVIEW_RESULT', entityType: 'PreReviewFile', entityId: fileId,
      before: { status: row.status }, after: { status, comment: comment ?? null }, requestId,
    });
    await enqueueNotification(tx, {
      userId: row.appointment.residentId,
      event: 'PRE_REVIEW_RESULT',
      payload: { appointmentId: row.appointment.id, itemName: row.appointment.item.name, resultText: status === 'PASSED' ? '预审通过' : '需要补正', comment: comment || undefined, reviewedAt: now, link: appointmentLink(row.appointment.id) },
      dedupeKey: `PRE_REVIEW_RESULT:${fileId}:${now.getTime()}`,
    });
  });
  const updated = await findHallPreReview(deps.prisma, { id: fileId, hallId });
  if (!updated) throw new AppError('NOT_FOUND', { message: '本大厅没有这份预审材料' });
  return toStaffPreReview(deps, updated, staff.id);
}
