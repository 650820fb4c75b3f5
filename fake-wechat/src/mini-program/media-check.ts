import { createHash, randomInt } from 'node:crypto';
import { startDelivery } from '../delivery';
import type { FakeContext } from '../fake-context';
import { integerField, stringField, type JsonObject } from '../http/json-input';
import { newTraceId } from '../identifiers';
import type { MediaCheckRecord, Verdict } from '../state';
import { readSceneAndOpenid } from './content-security';
import { wxErrors } from './wx-error';

const passVerdict: Verdict = { suggest: 'pass', label: 100 };
/** Message push retries: WeChat tries three times in all. */
const pushRetryDelaysMs = [1000, 2000];

/** 消息推送 signature: sha1 of token, timestamp and nonce sorted and joined. */
export function messagePushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function pushVerdict(fake: FakeContext, check: MediaCheckRecord): void {
  const url = fake.state.settings.messagePushUrl;
  if (!url) return;
  const event = {
    ToUserName: fake.options.originalId,
    FromUserName: check.openid,
    CreateTime: fake.clock.nowSeconds(),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: fake.options.appid,
    trace_id: check.traceId,
    version: 2,
    detail: [{ strategy: 'content_model', errcode: 0, ...check.verdict, prob: 90 }],
    errcode: 0,
    errmsg: 'ok',
    result: check.verdict,
  };
  const record = startDelivery(fake, {
    kind: 'media-check-event',
    subject: check.traceId,
    eventType: 'wxa_media_check',
    url,
    body: JSON.stringify(event),
    headersFor: () => ({}),
    queryFor: () => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = String(randomInt(1e9));
      return new URLSearchParams({ signature: messagePushSignature(fake.options.messagePushToken, timestamp, nonce), timestamp, nonce }).toString();
    },
    retryDelaysMs: pushRetryDelaysMs,
    isAcknowledged: (status) => status >= 200 && status < 300,
  });
  check.deliveryId = record.id;
}

/**
 * POST /wxa/media_check_async (v2): answers with a trace_id at once; the verdict follows as a
 * wxa_media_check event on the message-push URL (production: up to 30 minutes later).
 */
export function checkMediaAsync(fake: FakeContext, body: JsonObject): { trace_id: string } {
  const mediaUrl = stringField(body, 'media_url');
  const mediaType = integerField(body, 'media_type');
  if (!mediaUrl || !isHttpUrl(mediaUrl) || (mediaType !== 1 && mediaType !== 2)) throw wxErrors.dataFormatError();
  const { scene, openid } = readSceneAndOpenid(fake, body);
  const check: MediaCheckRecord = {
    at: fake.clock.now(),
    traceId: newTraceId(),
    openid,
    scene,
    mediaUrl,
    mediaType,
    verdict: fake.state.settings.mediaVerdicts.get(mediaUrl) ?? passVerdict,
  };
  fake.state.mediaChecks.push(check);
  fake.scheduler.after(fake.options.mediaCheckDelayMs, () => pushVerdict(fake, check));
  return { trace_id: check.traceId };
}
