import type { Prisma } from '@govpocket/db';
import { ownerId as requireOwner } from '../../platform/db/owner';
import type { Db } from './repository';

/** Uploads a resident attaches for pre-review (预审) and the hall's review of them. */
export async function findPreReviewUploads(db: Db, { ownerId, fileIds }: { ownerId: string; fileIds: string[] }) {
  return db.uploadedFile.findMany({
    where: { id: { in: fileIds }, ownerId: requireOwner(ownerId, 'ownerId'), purpose: 'PRE_REVIEW' },
    select: { id: true, storageKey: true, contentType: true, sizeBytes: true },
  });
}

const staffPreReviewSelect = {
  id: true, materialId: true, materialName: true, fileUrl: true, status: true, comment: true, reviewedAt: true, checkStatus: true, fileRemovedAt: true, fileRemovedReason: true,
  appointment: { select: { id: true, status: true, residentId: true, date: true, slot: { select: { startTime: true } }, item: { select: { name: true } } } },
} as const;

export async function listHallPreReviews(db: Db, { hallId, status, fromDate }: { hallId: string; status?: 'PENDING' | 'PASSED' | 'NEEDS_CORRECTION'; fromDate: Date }) {
  return db.preReviewFile.findMany({
    where: { appointment: { hallId, date: { gte: fromDate }, status: { in: ['BOOKED', 'CHECKED_IN', 'CALLED', 'SERVING'] } }, ...(status ? { status } : {}) },
    select: staffPreReviewSelect,
    orderBy: [{ appointment: { startsAt: 'asc' } }, { createdAt: 'asc' }],
    take: 300,
  });
}
export type StaffPreReviewRow = Awaited<ReturnType<typeof listHallPreReviews>>[number];

export async function findHallPreReview(db: Db, { id, hallId }: { id: string; hallId: string }): Promise<StaffPreReviewRow | null> {
  return db.preReviewFile.findFirst({ where: { id, appointment: { hallId } }, select: staffPreReviewSelect });
}

export async function savePreReviewResult(
  tx: Prisma.TransactionClient,
  { id, status, comment, reviewedById, reviewedAt }: { id: string; status: 'PASSED' | 'NEEDS_CORRECTION'; comment: string | null; reviewedById: string; reviewedAt: Date },
): Promise<void> {
  await tx.preReviewFile.update({ where: { id }, data: { status, comment, reviewedById, reviewedAt } });
}

/** Pre-review photos still stored whose visit ended before `endedBefore`, oldest first. */
export async function listExpiredPreReviewPhotos(db: Db, { endedBefore, limit }: { endedBefore: Date; limit: number }) {
  return db.preReviewFile.findMany({
    where: { fileRemovedAt: null, appointment: { endsAt: { lt: endedBefore } } },
    select: { id: true, storageKey: true },
    orderBy: { createdAt: 'asc' },
    take: limit,
  });
}

export type PhotoRemovalReason = 'RETENTION' | 'ACCOUNT_DELETED';

export async function markPreReviewPhotosRemoved(tx: Prisma.TransactionClient, { ids, reason, at }: { ids: string[]; reason: PhotoRemovalReason; at: Date }): Promise<void> {
  if (ids.length === 0) return;
  await tx.preReviewFile.updateMany({ where: { id: { in: ids }, fileRemovedAt: null }, data: { fileRemovedAt: at, fileRemovedReason: reason } });
}
