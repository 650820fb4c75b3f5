import type { PrismaClient } from '@govpocket/db';
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
  return prisma.uploadedFile.findUnique({ where: { id: fileId }, select: recordSelect });
}

export async function findOwnedUploadedFile(prisma: PrismaClient, { fileId, ownerId }: { fileId: string; ownerId: string }): Promise<UploadedFileRecord | null> {
  return prisma.uploadedFile.findFirst({ where: { id: fileId, ownerId: requireOwner(ownerId, 'ownerId') }, select: recordSelect });
}
