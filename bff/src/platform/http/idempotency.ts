import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@govpocket/db';
import { errorCodes, type ErrorCode } from '@govpocket/shared';
import { AppError } from '../errors/app-error';
import { completeIdempotencyRecord, deleteIdempotencyRecord, findIdempotencyRecord, insertIdempotencyClaim, renewIdempotencyClaim, type IdempotencyRow } from '../db/idempotency-repository';

/**
 * Idempotency-Key handling through IdempotencyRecord (scope + key unique). The first request
 * claims the key before doing the work and stores its answer after; a retry gets that answer
 * (same status and body, errors included); the same key with another body is refused (422); a
 * duplicate arriving while the first is still running waits briefly for it, then gets 409.
 * Answers that say "try again" (5xx, 429) are not kept, so the retry really tries again.
 * A running claim is short and renewed while its request works: when the process dies mid-request
 * (kill -9, a crash), the resident's retry with the same key is judged again within seconds
 * instead of being refused as a duplicate for a minute.
 */
export type IdempotentAnswer<T> = { status: number; body: T };

export type IdempotencyOptions = {
  prisma: PrismaClient;
  scope: string;
  key: string;
  userId: string;
  request: unknown;
  now: () => Date;
  /** How long a claim whose request stopped renewing it blocks duplicates before it counts as abandoned. */
  claimTtlMs?: number;
  keepForMs?: number;
  waitForFirstMs?: number;
  /**
   * Runs before anything is written when the key is new: a request it refuses changed nothing, so
   * nothing is kept and a retry is simply judged again (the booking storm's crowd of 已约满
   * answers costs no database write).
   */
  refuseEarly?: () => Promise<void>;
};

/** Reads a stored answer back (the schema the route answers with). */
export type AnswerParser<T> = (json: unknown) => T;

type StoredError = { error: { code: ErrorCode; message: string; details?: unknown } };

export function hashRequest(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');
}

export async function runIdempotently<T extends Prisma.InputJsonValue>(
  options: IdempotencyOptions,
  parse: AnswerParser<T>,
  work: () => Promise<IdempotentAnswer<T>>,
): Promise<IdempotentAnswer<T>> {
  const { prisma, scope, key, now, claimTtlMs = 15_000, keepForMs = 24 * 3600_000, waitForFirstMs = 3000 } = options;
  const requestHash = hashRequest(options.request);
  if (options.refuseEarly && !(await findIdempotencyRecord(prisma, scope, key))) await options.refuseEarly();
  let claimId: string | null = null;
  const waitUntil = Date.now() + waitForFirstMs;
  while (!claimId) {
    claimId = await insertIdempotencyClaim(prisma, { scope, key, userId: options.userId, requestHash, expiresAt: new Date(now().getTime() + claimTtlMs) });
    if (claimId) break;
    const existing = await findIdempotencyRecord(prisma, scope, key);
    if (!existing) continue;
    if (existing.expiresAt.getTime() < now().getTime()) {
      await deleteIdempotencyRecord(prisma, existing.id, { expiredBefore: now() });
      continue;
    }
    if (existing.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (existing.statusCode !== null) return replay(existing, parse);
    if (Date.now() > waitUntil) throw new AppError('DUPLICATE_REQUEST');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const claim = claimId;
  const heartbeat = setInterval(() => {
    // A failed renewal only shortens the claim; the request's own answer decides what is kept.
    renewIdempotencyClaim(prisma, claim, new Date(now().getTime() + claimTtlMs)).catch(() => undefined);
  }, Math.max(1000, Math.floor(claimTtlMs / 3)));
  heartbeat.unref();
  let answer: IdempotentAnswer<T>;
  try {
    answer = await work().finally(() => clearInterval(heartbeat));
  } catch (error) {
    if (error instanceof AppError && error.status < 500 && error.status !== 429) {
      const stored: StoredError = { error: { code: error.code, message: error.userMessage, ...(error.details === undefined ? {} : { details: error.details }) } };
      await completeIdempotencyRecord(prisma, claimId, { statusCode: error.status, response: toJson(stored), expiresAt: new Date(now().getTime() + keepForMs) });
    } else {
      await deleteIdempotencyRecord(prisma, claimId, { isPending: true });
    }
    throw error;
  }
  await completeIdempotencyRecord(prisma, claimId, { statusCode: answer.status, response: answer.body, expiresAt: new Date(now().getTime() + keepForMs) });
  return answer;
}

function replay<T>(record: IdempotencyRow, parse: AnswerParser<T>): IdempotentAnswer<T> {
  const status = record.statusCode ?? 500;
  if (status >= 400) {
    const stored = readStoredError(record.response);
    throw new AppError(stored.code, { message: stored.message, details: stored.details });
  }
  return { status, body: parse(record.response) };
}

function readStoredError(response: unknown): StoredError['error'] {
  const error: unknown = typeof response === 'object' && response !== null ? Reflect.get(response, 'error') : undefined;
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  const message: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : undefined;
  const details: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'details') : undefined;
  const knownCode = errorCodes.find((candidate) => candidate === code) ?? 'CONFLICT';
  return { code: knownCode, message: typeof message === 'string' ? message : '操作冲突，请刷新后重试', details };
}

function toJson(value: StoredError): Prisma.InputJsonValue {
  const parsed: unknown = JSON.parse(JSON.stringify(value));
  return isJson(parsed) ? parsed : { error: { code: value.error.code, message: value.error.message } };
}

function isJson(value: unknown): value is Prisma.InputJsonValue {
  return typeof value === 'object' && value !== null;
}
