import type { AppointmentDetail, AppointmentSummary, PreReviewFileView } from '@govpocket/shared';
import { appointmentStatusLabels, followUpStatusLabels, preReviewStatusLabels, ratingLevelLabels } from '@govpocket/shared';
import { changeDeadline } from './availability';
import { fileIdOfRef } from './book-appointment';
import { fromDbDate } from './dates';
import type { BookingDeps } from './deps';
import { countAhead, listEarlierVisits, type AppointmentDetailRow, type AppointmentSummaryRow } from './appointment-repository';
import type { Db } from './repository';
import type { BookingSettings } from './settings';

/** Appointment rows as the resident sees them (DTOs of shared/src/api/booking.ts). */
export function toAppointmentSummary(row: AppointmentSummaryRow): AppointmentSummary {
  return {
    id: row.id,
    status: row.status,
    statusLabel: appointmentStatusLabels[row.status],
    item: { code: row.item.code, name: row.item.name },
    hall: { id: row.hall.id, name: row.hall.name, address: row.hall.address },
    date: fromDbDate(row.date),
    startTime: row.slot.startTime,
    endTime: row.slot.endTime,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    queueNumber: row.queueNumber,
    createdAt: row.createdAt.toISOString(),
  };
}

export const qrPayloadPrefix = 'GPCHECKIN:1:';

/** What the check-in QR code encodes; the window's scanner sends it back as the code. */
export function checkInQrPayload(appointmentId: string, checkInCode: string): string {
  return `${qrPayloadPrefix}${appointmentId}:${checkInCode}`;
}

export function queuePrefixOf(queueNumber: string): string {
  return queueNumber.replace(/\d+$/, '');
}

/** Which on-site trip of its case a visit is: earlier completed visits that did not finish the case. */
export async function tripNumberOf(db: Db, row: { residentId: string; item: { id: string }; startsAt: Date }): Promise<number> {
  const earlier = await listEarlierVisits(db, { residentId: row.residentId, itemId: row.item.id, before: row.startsAt });
  let trips = 1;
  for (const visit of earlier) {
    if (visit.actualTrips !== null) break;
    trips += 1;
  }
  return trips;
}

export async function aheadCountOf(db: Db, row: { status: string; hallId: string; date: Date; queueNumber: string | null; checkedInAt: Date | null }): Promise<number | null> {
  if (row.status !== 'CHECKED_IN' || !row.queueNumber || !row.checkedInAt) return null;
  return countAhead(db, { hallId: row.hallId, date: row.date, prefix: queuePrefixOf(row.queueNumber), queueNumber: row.queueNumber, checkedInAt: row.checkedInAt });
}

export async function toAppointmentDetail(
  deps: Pick<BookingDeps, 'prisma' | 'files'>,
  row: AppointmentDetailRow,
  { now, settings, viewerUserId }: { now: Date; settings: BookingSettings; viewerUserId: string },
): Promise<AppointmentDetail> {
  const deadline = changeDeadline(row.startsAt, settings);
  const isChangeable = row.status === 'BOOKED' && now.getTime() < deadline.getTime();
  const isActive = row.status === 'BOOKED' || row.status === 'CHECKED_IN' || row.status === 'CALLED' || row.status === 'SERVING';
  const ratingOpenUntil = row.completedAt ? row.completedAt.getTime() + settings.ratingWindowDays * 86_400_000 : 0;
  return {
    ...toAppointmentSummary(row),
    checkInCode: isActive ? row.checkInCode : null,
    qrPayload: row.status === 'BOOKED' ? checkInQrPayload(row.id, row.checkInCode) : null,
    aheadCount: await aheadCountOf(deps.prisma, row),
    calledWindow: row.calledWindow && (row.status === 'CALLED' || row.status === 'SERVING') ? { code: row.calledWindow.code, name: row.calledWindow.name } : null,
    canCancel: isChangeable,
    canReschedule: isChangeable,
    changeDeadline: deadline.toISOString(),
    cancelledBy: row.cancelledBy,
    cancelReason: row.cancelReason,
    deliveryMethod: row.deliveryMethod,
    preReviews: row.preReviewFiles.map((file) => toPreReviewView(deps, file, viewerUserId)),
    canRate: row.status === 'COMPLETED' && row.rating === null && now.getTime() < ratingOpenUntil,
    rating: row.rating
      ? {
          level: row.rating.level,
          levelLabel: ratingLevelLabels[row.rating.level],
          tags: stringArray(row.rating.tags),
          text: row.rating.text,
          createdAt: row.rating.createdAt.toISOString(),
          followUp: row.rating.followUp
            ? {
                status: row.rating.followUp.status,
                statusLabel: followUpStatusLabels[row.rating.followUp.status],
                dueAt: row.rating.followUp.dueAt.toISOString(),
                result: row.rating.followUp.result,
                handledAt: row.rating.followUp.handledAt?.toISOString() ?? null,
              }
            : null,
        }
      : null,
    tripNumber: await tripNumberOf(deps.prisma, row),
    promisedTrips: row.promisedTrips,
  };
}

type PreReviewRow = AppointmentDetailRow['preReviewFiles'][number];

export function toPreReviewView(deps: Pick<BookingDeps, 'files'>, file: PreReviewRow, viewerUserId: string): PreReviewFileView {
  const fileId = fileIdOfRef(file.fileUrl);
  return {
    id: file.id,
    materialId: file.materialId,
    materialName: file.materialName,
    fileUrl: fileId && !file.fileRemovedAt ? deps.files.urls.signFileUrl(fileId, { viewerUserId }).url : '',
    status: file.status,
    statusLabel: preReviewStatusLabels[file.status],
    comment: file.comment,
    reviewedAt: file.reviewedAt?.toISOString() ?? null,
    fileRemovedNote: file.fileRemovedAt ? photoRemovedNote(file.fileRemovedReason) : null,
  };
}

export function stringArray(json: unknown): string[] {
  return Array.isArray(json) ? json.filter((value): value is string => typeof value === 'string') : [];
}

/** What staff and the resident read where a deleted pre-review photo was. */
export function photoRemovedNote(reason: string | null): string {
  return reason === 'ACCOUNT_DELETED' ? '申请人已注销账号，照片已删除' : '照片已超过保留期限（预约结束后按规定保存），已删除';
}
