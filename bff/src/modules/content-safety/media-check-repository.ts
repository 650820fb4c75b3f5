import type { Prisma, PrismaClient } from '@govpocket/db';

/**
 * The images WeChat's media check judges: letter images (LetterAttachment) and pre-review photos
 * (PreReviewFile). Both carry checkStatus / checkTraceId / checkLabel / checkedAt and a
 * checkRequestedAt lease, so the two are handled alike.
 */
type Db = PrismaClient | Prisma.TransactionClient;

export type MediaKind = 'LETTER_IMAGE' | 'PRE_REVIEW';
export type MediaTarget = { kind: MediaKind; id: string; fileId: string; openid: string; requestedAt: Date | null };
export type MediaCheckStatus = 'PASS' | 'REVIEW' | 'RISKY';

/** Pending images whose check was never asked for, or asked for so long ago that the answer is lost. */
function dueWhere(now: Date, { retryAfterMs, reaskAfterMs }: { retryAfterMs: number; reaskAfterMs: number }) {
  return {
    checkStatus: 'PENDING' as const,
    OR: [
      { checkRequestedAt: null },
      { checkTraceId: null, checkRequestedAt: { lt: new Date(now.getTime() - retryAfterMs) } },
      { checkRequestedAt: { lt: new Date(now.getTime() - reaskAfterMs) } },
    ],
  };
}

const fileIdOfRef = (fileUrl: string): string | null => /^\/files\/([A-Za-z0-9_-]{1,32})$/.exec(fileUrl)?.[1] ?? null;

export async function findDueMediaChecks(
  db: Db,
  { now, retryAfterMs, reaskAfterMs, letterId, appointmentId, limit }: { now: Date; retryAfterMs: number; reaskAfterMs: number; letterId?: string; appointmentId?: string; limit: number },
): Promise<MediaTarget[]> {
  const where = dueWhere(now, { retryAfterMs, reaskAfterMs });
  const letterImages = appointmentId
    ? []
    : await db.letterAttachment.findMany({
        where: { ...where, uploadedFileId: { not: null }, ...(letterId ? { letterId } : {}) },
        select: { id: true, uploadedFileId: true, checkRequestedAt: true, letter: { select: { resident: { select: { openid: true } } } } },
        orderBy: { createdAt: 'asc' },
        take: limit,
      });
  const preReviews = letterId
    ? []
    : await db.preReviewFile.findMany({
        where: { ...where, ...(appointmentId ? { appointmentId } : {}) },
        select: { id: true, fileUrl: true, checkRequestedAt: true, appointment: { select: { resident: { select: { openid: true } } } } },
        orderBy: { createdAt: 'asc' },
        take: limit,
      });
  return [
    ...letterImages.flatMap((row): MediaTarget[] => (row.uploadedFileId ? [{ kind: 'LETTER_IMAGE', id: row.id, fileId: row.uploadedFileId, openid: row.letter.resident.openid, requestedAt: row.checkRequestedAt }] : [])),
    ...preReviews.flatMap((row): MediaTarget[] => {
      const fileId = fileIdOfRef(row.fileUrl);
      return fileId ? [{ kind: 'PRE_REVIEW', id: row.id, fileId, openid: row.appointment.resident.openid, requestedAt: row.checkRequestedAt }] : [];
    }),
  ];
}

/** Takes the lease on one image (compare-and-set on checkRequestedAt): false when another process has it. */
export async function claimMediaCheck(db: Db, target: MediaTarget, now: Date): Promise<boolean> {
  const where = { id: target.id, checkStatus: 'PENDING' as const, checkRequestedAt: target.requestedAt };
  const data = { checkRequestedAt: now };
  const { count } = target.kind === 'LETTER_IMAGE' ? await db.letterAttachment.updateMany({ where, data }) : await db.preReviewFile.updateMany({ where, data });
  return count === 1;
}

export async function saveMediaTraceId(db: Db, target: MediaTarget, traceId: string): Promise<void> {
  const where = { id: target.id, checkStatus: 'PENDING' as const };
  const data = { checkTraceId: traceId };
  if (target.kind === 'LETTER_IMAGE') await db.letterAttachment.updateMany({ where, data });
  else await db.preReviewFile.updateMany({ where, data });
}

/**
 * Writes WeChat's verdict on the image(s) waiting for this trace id. Only PENDING rows change, so a
 * repeated push changes nothing; answers the rows it changed.
 */
export async function applyMediaVerdict(
  tx: Prisma.TransactionClient,
  { traceId, status, label, at }: { traceId: string; status: MediaCheckStatus; label: number | null; at: Date },
): Promise<Array<{ kind: MediaKind; id: string }>> {
  const data = { checkStatus: status, checkLabel: label, checkedAt: at };
  const where = { checkTraceId: traceId, checkStatus: 'PENDING' as const };
  const changed: Array<{ kind: MediaKind; id: string }> = [];
  const image = await tx.letterAttachment.findFirst({ where, select: { id: true } });
  if (image && (await tx.letterAttachment.updateMany({ where: { ...where, id: image.id }, data })).count === 1) changed.push({ kind: 'LETTER_IMAGE', id: image.id });
  const preReview = await tx.preReviewFile.findFirst({ where, select: { id: true } });
  if (preReview && (await tx.preReviewFile.updateMany({ where: { ...where, id: preReview.id }, data })).count === 1) changed.push({ kind: 'PRE_REVIEW', id: preReview.id });
  return changed;
}

/** Whether any image was ever sent under this trace id (a verdict for it may already be recorded). */
export async function isKnownMediaTrace(db: Db, traceId: string): Promise<boolean> {
  const [image, preReview] = await Promise.all([
    db.letterAttachment.count({ where: { checkTraceId: traceId } }),
    db.preReviewFile.count({ where: { checkTraceId: traceId } }),
  ]);
  return image + preReview > 0;
}
