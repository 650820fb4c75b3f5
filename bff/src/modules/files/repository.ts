import type { Prisma, PrismaClient } from '@govpocket/db';
import type { UploadPurpose } from '@govpocket/shared';
import { ownerId as requireOwner } from '../../platform/db/owner';

/** UploadedFile rows: who uploaded which stored bytes. */
export type UploadedFileRecord = {
  id: string;
  ownerId: string;
  purpose: string;
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  width: number;
  height: number;
};

const recordSelect = { id: true, ownerId: true, purpose: true, storageKey: true, contentType: true, sizeBytes: true, width: true, height: true } as const;

export type NewUploadedFile = {
  ownerId: string;
  purpose: UploadPurpose;
  storageKey: string;
  sha256: string;
  contentType: string;
  sizeBytes: number;
  width: number;
  height: number;
};

export async function createUploadedFile(prisma: PrismaClient, data: NewUploadedFile): Promise<UploadedFileRecord> {
  return prisma.uploadedFile.create({ data, select: recordSelect });
}

export async function findUploadedFile(prisma: PrismaClient, fileId: string): Promise<UploadedFileRecord | null> {
  return prisma.uploadedFile.findFirst({ where: { id: fileId, removedAt: null }, select: recordSelect });
}

export async function findOwnedUploadedFile(prisma: PrismaClient, { fileId, ownerId }: { fileId: string; ownerId: string }): Promise<UploadedFileRecord | null> {
  return prisma.uploadedFile.findFirst({ where: { id: fileId, ownerId: requireOwner(ownerId, 'ownerId'), removedAt: null }, select: recordSelect });
}

export type UploadRemovalReason = 'ACCOUNT_DELETED' | 'RETENTION';
type Tx = Prisma.TransactionClient;

/** The storage keys of an owner's uploads still stored. */
export async function listStoredUploadsOf(db: Tx | PrismaClient, owner: string): Promise<Array<{ id: string; storageKey: string }>> {
  return db.uploadedFile.findMany({ where: { ownerId: requireOwner(owner, 'ownerId'), removedAt: null }, select: { id: true, storageKey: true } });
}

/** Marks uploads whose bytes are being deleted: from now on no URL serves them and nobody can attach them. */
export async function markUploadsRemoved(db: Tx | PrismaClient, { storageKeys, reason, at }: { storageKeys: string[]; reason: UploadRemovalReason; at: Date }): Promise<void> {
  if (storageKeys.length === 0) return;
  await db.uploadedFile.updateMany({ where: { storageKey: { in: storageKeys }, removedAt: null }, data: { removedAt: at, removedReason: reason } });
}
