import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { PrismaClient } from '@govpocket/db';
import { type SignedFileUrl, type UploadedImage, uploadPurposeSchema } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import type { RateLimiter } from '../../platform/rate-limit';
import type { FileStorage } from './file-storage';
import { createUploadedFile, findOwnedUploadedFile, findUploadedFile, type UploadedFileRecord } from './repository';
import { sanitizeImage } from './sanitize-image';
import type { FileUrlQuery, FileUrlSigner } from './signed-url';

export type FileLimits = { maxImageBytes: number; maxImagePixels: number; maxDocumentBytes: number };

export type FileDeps = { prisma: PrismaClient; storage: FileStorage; urls: FileUrlSigner; rateLimiter: RateLimiter; limits: FileLimits };

/** What the transport hands over once it has read the request body. */
export type ReceivedUpload = { bytes: Buffer; fields: Record<string, string> };

function storageKeyFor(extension: string, now: Date): string {
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return `images/${month}/${randomUUID()}.${extension}`;
}

/**
 * Stores one image for `ownerId`. `receive` reads the body only after the rate limit has been
 * charged, so refused and junk uploads count too and a flood is cut off before it is read.
 * Nothing is written until the image has passed every check.
 */
export async function uploadImage(deps: FileDeps, { ownerId, receive }: { ownerId: string; receive: () => Promise<ReceivedUpload> }): Promise<UploadedImage> {
  await deps.rateLimiter.consume('imageUpload', ownerId);
  const { bytes, fields } = await receive();
  const purpose = uploadPurposeSchema.safeParse(fields.purpose ?? 'OTHER');
  if (!purpose.success) throw new AppError('VALIDATION_FAILED', { message: '图片用途有误', details: [{ path: 'purpose', message: '图片用途有误' }] });
  const image = await sanitizeImage(bytes, { maxPixels: deps.limits.maxImagePixels });

  const storageKey = storageKeyFor(image.extension, new Date());
  await deps.storage.put(storageKey, image.bytes, image.contentType);
  let record: UploadedFileRecord;
  try {
    record = await createUploadedFile(deps.prisma, {
      ownerId,
      purpose: purpose.data,
      storageKey,
      sha256: createHash('sha256').update(image.bytes).digest('hex'),
      contentType: image.contentType,
      sizeBytes: image.bytes.length,
      width: image.width,
      height: image.height,
    });
  } catch (error) {
    // No row means nobody could ever be shown these bytes: take them back out.
    await deps.storage.delete(storageKey);
    throw error;
  }
  const signed = deps.urls.signFileUrl(record.id, { viewerUserId: ownerId });
  return { fileId: record.id, url: signed.url, expiresAt: signed.expiresAt, width: image.width, height: image.height, size: image.bytes.length, contentType: image.contentType };
}

export type ServedFile = { stream: Readable; size: number; contentType: string; fileName: string; maxAgeSeconds: number };

/** The bytes behind a signed URL: 403 for a bad or expired signature, then 404 if it names nothing. */
export async function openSignedFile(deps: Pick<FileDeps, 'prisma' | 'storage' | 'urls'>, query: FileUrlQuery): Promise<ServedFile> {
  const verdict = deps.urls.verifyFileUrl(query);
  if (!verdict.isValid) {
    throw new AppError('FORBIDDEN', { message: verdict.reason === 'expired' ? '图片链接已过期，请刷新页面后重试' : '图片链接无效' });
  }
  const record = await findUploadedFile(deps.prisma, query.fileId);
  const stored = record ? await deps.storage.get(record.storageKey) : null;
  if (!record || !stored) throw new AppError('NOT_FOUND', { message: '图片不存在或已删除' });
  const extension = record.storageKey.slice(record.storageKey.lastIndexOf('.') + 1);
  return { stream: stored.stream, size: stored.size, contentType: record.contentType, fileName: `${record.id}.${extension}`, maxAgeSeconds: verdict.expiresInSeconds };
}

/**
 * The owner's own upload, or null. Letters and pre-review call this before attaching a fileId a
 * resident sent, so nobody can attach (and so get shown) someone else's image.
 */
export async function findOwnUpload(deps: Pick<FileDeps, 'prisma'>, { fileId, ownerId }: { fileId: string; ownerId: string }): Promise<UploadedFileRecord | null> {
  return findOwnedUploadedFile(deps.prisma, { fileId, ownerId });
}

/** A fresh signed URL for the owner; anyone else is told the file does not exist. */
export async function issueOwnerFileUrl(deps: Pick<FileDeps, 'prisma' | 'urls'>, { fileId, ownerId }: { fileId: string; ownerId: string }): Promise<SignedFileUrl> {
  const record = await findOwnUpload(deps, { fileId, ownerId });
  if (!record) throw new AppError('NOT_FOUND', { message: '图片不存在或已删除' });
  return deps.urls.signFileUrl(record.id, { viewerUserId: ownerId });
}

/**
 * Deletes stored bytes whose rows are already marked removed. Missing bytes are no error; a key
 * that fails is reported back (the row already stops every URL), never half-aborting the rest.
 */
export async function deleteStoredBytes(storage: FileDeps['storage'], storageKeys: string[]): Promise<{ deleted: number; failed: string[] }> {
  const failed: string[] = [];
  for (const key of storageKeys) {
    try {
      await storage.delete(key);
    } catch {
      failed.push(key);
    }
  }
  return { deleted: storageKeys.length - failed.length, failed };
}
