import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export type StoredObject = { stream: Readable; size: number };

/**
 * Where upload bytes live, addressed by key. Local disk today; an object store (COS, OSS, S3)
 * later implements the same three calls, so nothing above this file knows the difference.
 */
export type FileStorage = {
  /** Object stores keep contentType with the object; on disk the UploadedFile row keeps it. */
  put: (key: string, bytes: Buffer, contentType: string) => Promise<void>;
  /** null when nothing is stored under the key. */
  get: (key: string) => Promise<StoredObject | null>;
  /** Deleting a key that holds nothing is not an error, so cleanup can be retried. */
  delete: (key: string) => Promise<void>;
};

// Keys are made by this module, never by a client; checking them anyway keeps a future caller
// from turning a key into a path outside the upload directory.
const keyPattern = /^[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)*$/i;

export function isStorageKey(key: string): boolean {
  return key.length <= 255 && keyPattern.test(key) && !key.split('/').some((segment) => segment === '.' || segment === '..');
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'ENOENT';
}

export function createLocalDiskStorage({ dir }: { dir: string }): FileStorage {
  const root = path.resolve(dir);
  const pathOf = (key: string): string => {
    if (!isStorageKey(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, ...key.split('/'));
  };

  return {
    put: async (key, bytes) => {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${target}.${randomUUID()}.partial`;
      try {
        await writeFile(partial, bytes, { flag: 'wx' });
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    get: async (key) => {
      try {
        // Opened before streaming, so a missing file is a null here and not a stream error mid-response.
        const handle = await open(pathOf(key), 'r');
        const { size } = await handle.stat();
        return { stream: handle.createReadStream(), size };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    delete: async (key) => {
      await rm(pathOf(key), { force: true });
    },
  };
}
