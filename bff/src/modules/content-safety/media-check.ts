import { createHash, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '@govpocket/db';
import { writeAudit } from '../../platform/audit';
import { inTransaction } from '../../platform/db/transaction';
import { AppError } from '../../platform/errors/app-error';
import type { Logger } from '../../platform/logger';
import type { FileUrlSigner } from '../files';
import type { MiniProgramApi } from '../wechat/mini-program-api';
import { applyMediaVerdict, claimMediaCheck, findDueMediaChecks, isKnownMediaTrace, saveMediaTraceId, type MediaCheckStatus, type MediaTarget } from './media-check-repository';

/**
 * Images residents attach (letter images, pre-review photos) are checked by WeChat's
 * mediaCheckAsync v2: we hand WeChat a signed URL of the image, it downloads it and pushes the
 * verdict later (≤ 30 minutes) as a `wxa_media_check` event to our 消息推送 URL, signed with the
 * push token. Until then the image is PENDING: staff see it marked 检测中, nothing public shows it.
 *
 * Asking happens right after the letter or booking is stored and again from a fleet job for images
 * whose request failed (WeChat down: after `retryAfterMs`) or whose verdict never came (after
 * `reaskAfterMs`, with a new trace id). A lease on checkRequestedAt makes one process ask at a time.
 */
export type MediaChecks = {
  /** Asks WeChat to check the due images (of one letter or appointment, or any); never throws. Answers how many were sent. */
  request: (scope?: { letterId?: string; appointmentId?: string }) => Promise<number>;
};

export type MediaCheckDeps = {
  prisma: PrismaClient;
  wechat: Pick<MiniProgramApi, 'checkMediaAsync'>;
  /** Signs absolute URLs WeChat can fetch; null when the BFF has no public base URL (nothing is sent). */
  urls: FileUrlSigner | null;
  urlTtlSeconds: number;
  logger?: Logger;
  now?: () => Date;
  retryAfterMs?: number;
  reaskAfterMs?: number;
  batchSize?: number;
};

/** mediaCheckAsync scenes: 1 资料 (a pre-review photo), 3 论坛 (a letter image, others may read it). */
const sceneOf = { LETTER_IMAGE: 3, PRE_REVIEW: 1 } as const;

export function createMediaChecks(deps: MediaCheckDeps): MediaChecks {
  const now = deps.now ?? (() => new Date());
  const retryAfterMs = deps.retryAfterMs ?? 5 * 60_000;
  const reaskAfterMs = deps.reaskAfterMs ?? 2 * 3600_000;
  let hasWarned = false;

  const requestOne = async (target: MediaTarget, urls: FileUrlSigner, at: Date): Promise<boolean> => {
    if (!(await claimMediaCheck(deps.prisma, target, at))) return false;
    try {
      const { url } = urls.signFileUrl(target.fileId, { ttlSeconds: deps.urlTtlSeconds });
      const { traceId } = await deps.wechat.checkMediaAsync({ mediaUrl: url, openid: target.openid, scene: sceneOf[target.kind] });
      await saveMediaTraceId(deps.prisma, target, traceId);
      return true;
    } catch (error) {
      // The lease stays: the job asks again after retryAfterMs.
      deps.logger?.warn({ err: error, kind: target.kind, id: target.id }, 'media check request failed; will retry');
      return false;
    }
  };

  return {
    request: async (scope = {}) => {
      const urls = deps.urls;
      if (!urls) {
        if (!hasWarned) deps.logger?.warn('MEDIA_CHECK_FILE_BASE / FILE_URL_BASE is not an absolute URL: images are not sent to WeChat for checking and stay pending');
        hasWarned = true;
        return 0;
      }
      try {
        const at = now();
        const targets = await findDueMediaChecks(deps.prisma, { now: at, retryAfterMs, reaskAfterMs, ...scope, limit: deps.batchSize ?? 50 });
        const sent = await Promise.all(targets.map((target) => requestOne(target, urls, at)));
        return sent.filter(Boolean).length;
      } catch (error) {
        deps.logger?.warn({ err: error }, 'media checks could not be requested; the job will retry');
        return 0;
      }
    },
  };
}

/** 消息推送 signature check: sha1 of the sorted token, timestamp and nonce, compared in constant time. */
export function isValidPushSignature(token: string, { signature, timestamp, nonce }: { signature: string; timestamp: string; nonce: string }): boolean {
  const expected = Buffer.from(createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex'));
  const given = Buffer.from(signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type MediaCheckEvent = { traceId: string; status: MediaCheckStatus; label: number | null };

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Reflect.get(value, key) : undefined;
}

/**
 * The verdict in a wxa_media_check event: `result.suggest` decides (pass / review / risky). A
 * non-zero errcode means WeChat could not judge the image (e.g. could not download it): a human
 * looks at it (REVIEW). null for any other event.
 */
export function readMediaCheckEvent(body: unknown): MediaCheckEvent | null {
  if (field(body, 'Event') !== 'wxa_media_check') return null;
  const traceId = field(body, 'trace_id');
  if (typeof traceId !== 'string' || traceId === '' || traceId.length > 64) throw new AppError('BAD_REQUEST', { message: '推送内容缺少 trace_id' });
  const result = field(body, 'result');
  const suggest = field(result, 'suggest');
  const label = field(result, 'label');
  const errcode = field(body, 'errcode');
  const status: MediaCheckStatus = errcode !== undefined && errcode !== 0 ? 'REVIEW' : suggest === 'pass' ? 'PASS' : suggest === 'risky' ? 'RISKY' : 'REVIEW';
  return { traceId, status, label: typeof label === 'number' && Number.isInteger(label) ? label : null };
}

const auditEntity = { LETTER_IMAGE: 'LetterAttachment', PRE_REVIEW: 'PreReviewFile' } as const;

/**
 * Records a verdict once per trace id (a repeated push changes nothing); answers how many images
 * changed. A trace id we do not know (yet: the push can overtake the commit of the trace id just
 * answered to us) is refused with 404, so that WeChat pushes it again.
 */
export async function recordMediaVerdict(deps: { prisma: PrismaClient; now?: () => Date }, event: MediaCheckEvent, requestId: string): Promise<number> {
  const at = (deps.now ?? (() => new Date()))();
  if (!(await isKnownMediaTrace(deps.prisma, event.traceId))) throw new AppError('NOT_FOUND', { message: '没有这个检测任务' });
  return inTransaction(deps.prisma, async (tx) => {
    const changed = await applyMediaVerdict(tx, { traceId: event.traceId, status: event.status, label: event.label, at });
    for (const row of changed) {
      await writeAudit(tx, {
        actorUserId: null, actorRole: null, action: 'MEDIA_CHECK_RESULT', entityType: auditEntity[row.kind], entityId: row.id,
        before: { checkStatus: 'PENDING' }, after: { checkStatus: event.status, checkLabel: event.label, traceId: event.traceId }, requestId,
      });
    }
    return changed.length;
  });
}
