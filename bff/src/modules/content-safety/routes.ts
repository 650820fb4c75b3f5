import type { PrismaClient } from '@govpocket/db';
import type { Context } from 'koa';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { isValidPushSignature, readMediaCheckEvent, recordMediaVerdict } from './media-check';

/** The signed query of every 消息推送 request; anything malformed is simply not a valid signature. */
const pushQuerySchema = z
  .object({ signature: z.string().max(64), timestamp: z.string().max(20), nonce: z.string().max(64), echostr: z.string().max(256).optional() })
  .catch({ signature: '', timestamp: '', nonce: '' });

export const messagePushPath = '/wechat/message-push';

const maxPushBytes = 64 * 1024;

/**
 * The JSON of a push. Our body parser reads `application/json`; a push sent with another type
 * (text/plain) is read here, so a verdict is never dropped for its Content-Type.
 */
async function pushBody(ctx: Context): Promise<unknown> {
  const parsed: unknown = ctx.request.body;
  if (parsed !== undefined && (typeof parsed !== 'object' || parsed === null || Object.keys(parsed).length > 0)) return parsed;
  if (ctx.req.readableEnded) return parsed;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxPushBytes) throw new AppError('PAYLOAD_TOO_LARGE');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return parsed;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', { message: '推送内容不是 JSON（请在消息推送中选择 JSON 数据格式）' });
  }
}

/**
 * WeChat's 消息推送 (plain or compatible mode, JSON data format) for the mini-program: GET is the
 * server URL check (echo `echostr`), POST carries events, of which we handle wxa_media_check (the
 * verdict on an image sent to mediaCheckAsync). Both are signed with the push token in the query
 * (sha1 of the sorted token, timestamp, nonce); an unsigned or forged request is refused (403).
 * WeChat resends an unacknowledged push, and a verdict is recorded once per trace_id.
 */
export function messagePushRoutes(deps: { prisma: PrismaClient; token: string; now?: () => Date }): AppRouter {
  const router = createRouter();
  const verify = (query: unknown): { echostr?: string } => {
    const signed = pushQuerySchema.parse(query);
    if (!isValidPushSignature(deps.token, signed)) throw new AppError('FORBIDDEN', { message: '推送签名无效' });
    return signed;
  };

  router.get(messagePushPath, (ctx) => {
    const { echostr } = verify(ctx.query);
    ctx.type = 'text/plain';
    ctx.body = echostr ?? '';
  });

  router.post(messagePushPath, async (ctx) => {
    verify(ctx.query);
    const event = readMediaCheckEvent(await pushBody(ctx));
    if (event) await recordMediaVerdict(deps, event, ctx.state.requestId);
    // WeChat wants "success" (or an empty body) within 5 seconds; other events are not ours to handle.
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });

  return router;
}
