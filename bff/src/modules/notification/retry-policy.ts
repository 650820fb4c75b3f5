import { tokenErrorCodes } from '../wechat/access-token';
import { WechatApiError, WechatUnavailableError } from '../wechat/wechat-http';

/**
 * What a failed subscribe-message send means for its outbox row. Pure, so the rules read in one
 * place:
 * - retry: WeChat did not take the message (unreachable before the request, HTTP 5xx, errcode -1,
 *   a token still refused after the token manager's one refresh, rate limits, our own hiccups);
 * - not-subscribed: 43101, the resident has not accepted (or revoked): in-app only, never retried;
 * - uncertain: the request may have reached WeChat but no answer came back (timeout, reset). The
 *   send API is not idempotent, so resending could deliver twice: at most once means we give up;
 * - permanent: any other errcode (47003 bad data, 40003 bad openid, 40037 bad template …).
 */
export type DeliveryFailure =
  | { kind: 'retry'; errcode: number | null; message: string }
  | { kind: 'not-subscribed'; errcode: number; message: string }
  | { kind: 'uncertain'; errcode: null; message: string }
  | { kind: 'permanent'; errcode: number; message: string };

export const subscribeSendApi = '/cgi-bin/message/subscribe/send';
const notSubscribed = 43101;
/** API call limits: WeChat refuses now but will accept later. */
const throttledCodes = new Set([45009, 45011, 45047]);
/** Failures after the request may have been written: the far side might have acted on it. */
const ambiguousCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_ABORTED']);

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

function isAmbiguousTransportFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') return false;
    const name: unknown = Reflect.get(current, 'name');
    const code: unknown = Reflect.get(current, 'code');
    if (name === 'TimeoutError' || name === 'AbortError') return true;
    if (typeof code === 'string' && ambiguousCodes.has(code)) return true;
    current = Reflect.get(current, 'cause');
  }
  return false;
}

export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const message = describe(error).slice(0, 900);
  if (error instanceof WechatUnavailableError) {
    // Only the send call itself can leave a message half-delivered; a token fetch cannot.
    if (error.api === subscribeSendApi && isAmbiguousTransportFailure(error.cause)) return { kind: 'uncertain', errcode: null, message };
    return { kind: 'retry', errcode: /errcode -1|system error/i.test(message) ? -1 : null, message };
  }
  if (error instanceof WechatApiError) {
    if (error.api !== subscribeSendApi) return { kind: 'retry', errcode: error.errcode, message };
    if (error.errcode === notSubscribed) return { kind: 'not-subscribed', errcode: error.errcode, message };
    if (tokenErrorCodes.has(error.errcode) || throttledCodes.has(error.errcode)) return { kind: 'retry', errcode: error.errcode, message };
    return { kind: 'permanent', errcode: error.errcode, message };
  }
  return { kind: 'retry', errcode: null, message };
}

export type BackoffSettings = { baseMs: number; maxMs: number; random?: () => number };

/** Exponential backoff with ±20 % jitter: attempt 1 waits ~base, 2 ~2×base, 3 ~4×base …, capped. */
export function retryDelayMs(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffSettings): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = 0.8 + 0.4 * random();
  return Math.round(Math.min(maxMs, exponential * jitter));
}
