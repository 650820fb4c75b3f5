import type { PrismaClient } from '@govpocket/db';
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { Middleware } from 'koa';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { keepRawBody, readBodyBytes } from '../../platform/http/raw-body';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { isValidPushSignature, readMediaCheckEvent, recordMediaVerdict } from './media-check';

/** The signed query of every 消息推送 request; anything malformed is simply not a valid signature. */
const pushQuerySchema = z
  .object({ signature: z.string().max(64), timestamp: z.string().max(20), nonce: z.string().max(64), echostr: z.string().max(256).optional() })
  .catch({ signature: '', timestamp: '', nonce: '' });

export const messagePushPath = '/wechat/message-push';

const maxPushBytes = 64 * 1024;

/** A signed push older or newer than this (seconds from our clock) is a replay, or a clock gone wrong. */
export const pushWindowSeconds = 300;
/** A seen (timestamp, nonce) is kept a little longer than the window, after which its timestamp is refused anyway. */
const seenNonceTtlSeconds = pushWindowSeconds + 60;

/** The body parser leaves the push alone: its signature is checked before a byte of the body is read. */
export function keepRawMessagePush(): Middleware {
  return keepRawBody([messagePushPath]);
}

/** The JSON of a push, whatever Content-Type it came with (a verdict is never dropped for it). */
function parsePush(bytes: Buffer): unknown {
  const text = bytes.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', { message: '推送内容不是 JSON（请在消息推送中选择 JSON 数据格式）' });
  }
}

/** 安全模式: only `Encrypt` (compatible mode carries the plain fields beside it). We do not decrypt. */
function isEncryptedOnly(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  return Reflect.has(body, 'Encrypt') && !Reflect.has(body, 'MsgType');
}

export function messagePushRoutes(deps: {
  prisma: PrismaClient;
  redis: Redis;
  keyPrefix: string;
  token: string;
  now?: () => Date;
  /** Wall-clock milliseconds the push timestamps are judged by (WeChat signs with real time, whatever clock the domain runs on). */
  wallClockMs?: () => number;
}): AppRouter {
  const router = createRouter();
  const wallClockMs = deps.wallClockMs ?? Date.now;
  const verify = (query: unknown): { signature: string; timestamp: string; nonce: string; echostr?: string } => {
    const signed = pushQuerySchema.parse(query);
    if (!isValidPushSignature(deps.token, signed)) throw new AppError('FORBIDDEN', { message: '推送签名无效' });
    const seconds = /^\d{1,12}$/.test(signed.timestamp) ? Number(signed.timestamp) : Number.NaN;
    if (!Number.isFinite(seconds) || Math.abs(wallClockMs() / 1000 - seconds) > pushWindowSeconds) throw new AppError('FORBIDDEN', { message: '推送已过期（时间戳超出有效期）' });
    return signed;
  };

  /**
   * A (timestamp, nonce) is accepted once per body: the first push claims it with the body's hash
   * (SET NX, kept past the window). WeChat resends a push it saw no "success" for with the same
   * query and body: that one goes through again (recording a verdict is idempotent per trace_id, so
   * a resend after a half-done first attempt still records it, and after a done one changes
   * nothing). The same query with another body is a replay with a forged body: refused.
   */
  const claimNonce = async (signed: { timestamp: string; nonce: string }, bytes: Buffer): Promise<void> => {
    const key = `${deps.keyPrefix}wechat-push-nonce:${signed.timestamp}:${signed.nonce}`;
    const bodyHash = createHash('sha256').update(bytes).digest('hex');
    const claimed = await deps.redis.set(key, bodyHash, 'EX', seenNonceTtlSeconds, 'NX');
    if (claimed === 'OK') return;
    if ((await deps.redis.get(key)) !== bodyHash) throw new AppError('FORBIDDEN', { message: '推送已被使用（重复的随机数）' });
  };

  router.get(messagePushPath, (ctx) => {
    const { echostr } = verify(ctx.query);
    ctx.type = 'text/plain';
    ctx.body = echostr ?? '';
  });

  router.post(messagePushPath, async (ctx) => {
    const signed = verify(ctx.query);
    const bytes = await readBodyBytes(ctx.req, { maxBytes: maxPushBytes, tooLarge: () => new AppError('PAYLOAD_TOO_LARGE') });
    await claimNonce(signed, bytes);
    const body = parsePush(bytes);
    if (isEncryptedOnly(body)) throw new AppError('BAD_REQUEST', { message: '不支持安全模式的加密推送，请在消息推送中选择明文模式或兼容模式' });
    const event = readMediaCheckEvent(body);
    if (event) await recordMediaVerdict(deps, event, ctx.state.requestId);
    // WeChat wants "success" (or an empty body) within 5 seconds; other events are not ours to handle.
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });

  return router;
}
