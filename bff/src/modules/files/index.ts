import type { PrismaClient } from '@govpocket/db';
import type { Config } from '../../config';
import type { RateLimiter } from '../../platform/rate-limit';
import { createLocalDiskStorage } from './file-storage';
import type { FileDeps } from './service';
import { createFileUrlSigner } from './signed-url';

export type { FileStorage, StoredObject } from './file-storage';
export type { FileUrlSigner, SignFileUrlOptions } from './signed-url';
export type { FileDeps } from './service';
export { deleteStoredBytes, findOwnUpload } from './service';
export { listStoredUploadsOf, markUploadsRemoved, type UploadRemovalReason } from './repository';
export { createLocalDiskStorage } from './file-storage';
export { filesRoutes } from './routes';
export { isDeclaredTooLarge, isMultipart, payloadTooLarge, readMultipartFile, type MultipartFile, type MultipartMessages } from './multipart';

/**
 * The storage and URL signer behind /files, built once in createApp and shared with the modules
 * that show attachments (letters, pre-review): they decide who may see a file, then call
 * `files.urls.signFileUrl(fileId, { ttlSeconds, viewerUserId })`.
 */
export function createFiles({ config, prisma, rateLimiter }: { config: Config; prisma: PrismaClient; rateLimiter: RateLimiter }): FileDeps {
  return {
    prisma,
    rateLimiter,
    storage: createLocalDiskStorage({ dir: config.FILE_STORAGE_DIR }),
    urls: createFileUrlSigner({ secret: config.FILE_URL_SECRET, baseUrl: config.FILE_URL_BASE, defaultTtlSeconds: config.FILE_URL_TTL_SECONDS }),
    limits: { maxImageBytes: config.IMAGE_MAX_BYTES, maxImagePixels: config.IMAGE_MAX_PIXELS, maxDocumentBytes: config.DOCUMENT_MAX_BYTES },
  };
}
