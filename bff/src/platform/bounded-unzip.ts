import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import { AppError } from './errors/app-error';

/**
 * ZIP archives from uploads (XLSX) are inflated by us, counting the bytes that really come out,
 * never the sizes the archive declares: a zip bomb stops at the limit, having cost at most a slice
 * of inflation beyond it. The compressed input is fed in small slices so one step cannot inflate
 * more than about a megabyte (deflate expands at most ~1032:1).
 */
export type ZipLimits = { maxUnzippedBytes: number; maxEntries: number };
export type ZipMessages = { tooLarge: string; corrupt: string };

const sliceBytes = 1024;

class ZipLimitExceeded extends Error {}

/** Inflates every entry, calling `keep` with its chunks unless only counting; throws on a limit. */
function inflateEntries(bytes: Uint8Array, limits: ZipLimits, messages: ZipMessages, keep?: (name: string, chunk: Uint8Array, final: boolean) => void): void {
  let entries = 0;
  let total = 0;
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    entries += 1;
    if (entries > limits.maxEntries) {
      failure = new ZipLimitExceeded();
      return;
    }
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = error;
        return;
      }
      total += chunk.length;
      if (total > limits.maxUnzippedBytes) {
        failure = new ZipLimitExceeded();
        file.terminate();
        return;
      }
      keep?.(file.name, chunk, final);
    };
    keep?.(file.name, new Uint8Array(0), false);
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !failure; offset += sliceBytes) {
      const end = Math.min(offset + sliceBytes, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
  }
  if (failure instanceof ZipLimitExceeded) throw new AppError('PAYLOAD_TOO_LARGE', { message: messages.tooLarge });
  if (failure) throw new AppError('VALIDATION_FAILED', { message: messages.corrupt, cause: failure });
  if (entries === 0) throw new AppError('VALIDATION_FAILED', { message: messages.corrupt });
}

/**
 * The archive's entries, inflated within the limits and packed again (stored, not compressed), so a
 * reader such as exceljs sees exactly the bytes that were counted and nothing the counting skipped.
 * A first pass only counts, so a bomb is refused without its content ever being held.
 */
export function repackZipWithinLimits(bytes: Uint8Array, limits: ZipLimits, messages: ZipMessages): Buffer {
  inflateEntries(bytes, limits, messages);
  const parts = new Map<string, Uint8Array[]>();
  inflateEntries(bytes, limits, messages, (name, chunk, final) => {
    if (name.endsWith('/')) return;
    // An empty first call opens the entry; a name seen twice keeps its last entry.
    if (chunk.length === 0 && !final) return void parts.set(name, []);
    parts.get(name)?.push(chunk);
  });
  const files: Zippable = {};
  for (const [name, chunks] of parts) files[name] = [Buffer.concat(chunks), { level: 0 }];
  return Buffer.from(zipSync(files));
}
