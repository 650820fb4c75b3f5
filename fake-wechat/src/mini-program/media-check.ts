import { createHash, randomInt } from 'node:crypto';
import { ControlError } from '../control/control-error';
import { startDelivery } from '../delivery';
import type { FakeContext } from '../fake-context';
import { integerField, stringField, type JsonObject } from '../http/json-input';
import { newTraceId } from '../identifiers';
import type { MediaCheckRecord, MediaFetch, Verdict } from '../state';
import { readSceneAndOpenid } from './content-security';
import { wxErrors } from './wx-error';

const passVerdict: Verdict = { suggest: 'pass', label: 100 };
/** Message push retries: WeChat tries three times in all. */
const pushRetryDelaysMs = [1000, 2000];
/** WeChat downloads media of up to 10 MB and gives up on a slow server. */
const fetchTimeoutMs = 10_000;
const maxMediaBytes = 10 * 1024 * 1024;

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

/** Downloads the media like WeChat's checker: a URL it cannot fetch cannot be judged. */
async function fetchMedia(url: string, shutdown: AbortSignal): Promise<MediaFetch> {
  try {
    const response = await fetch(url, { signal: AbortSignal.any([shutdown, AbortSignal.timeout(fetchTimeoutMs)]) });
    const body = Buffer.from(await response.arrayBuffer());
    if (body.length > maxMediaBytes) return { error: `media larger than ${maxMediaBytes} bytes` };
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function isFetched(fetched: MediaFetch): fetched is Extract<MediaFetch, { status: number }> {
  return 'status' in fetched && fetched.status >= 200 && fetched.status < 300 && fetched.contentType.startsWith('image/');
}

/** The configured verdict for this media: by whole URL, by URL path, or by the downloaded bytes. */
function verdictFor(fake: FakeContext, mediaUrl: string, fetched: MediaFetch): Verdict {
  const verdicts = fake.state.settings.mediaVerdicts;
  const sha256 = 'sha256' in fetched ? fetched.sha256 : undefined;
  return verdicts.get(mediaUrl) ?? verdicts.get(new URL(mediaUrl).pathname) ?? (sha256 ? verdicts.get(sha256) : undefined) ?? passVerdict;
}

function pushVerdict(fake: FakeContext, check: MediaCheckRecord): void {
  const url = fake.state.settings.messagePushUrl;
  const verdict = check.verdict;
  if (!url || !verdict) return;
  const failed = check.fetch !== undefined && !isFetched(check.fetch);
  const event = {
    ToUserName: fake.options.originalId,
    FromUserName: check.openid,
    CreateTime: fake.clock.nowSeconds(),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: fake.options.appid,
    trace_id: check.traceId,
    version: 2,
    detail: [{ strategy: 'content_model', errcode: failed ? -1 : 0, ...verdict, prob: 90 }],
    errcode: failed ? -1 : 0,
    errmsg: failed ? 'media download failed' : 'ok',
    result: verdict,
  };
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomInt(1e9));
  const query = new URLSearchParams({ signature: messagePushSignature(fake.options.messagePushToken, timestamp, nonce), timestamp, nonce }).toString();
  const record = startDelivery(fake, {
    kind: 'media-check-event',
    subject: check.traceId,
    eventType: 'wxa_media_check',
    url,
    body: JSON.stringify(event),
    headersFor: () => ({}),
    // Like WeChat: one signed query per push, sent unchanged with every retry of it.
    queryFor: () => query,
    retryDelaysMs: pushRetryDelaysMs,
    isAcknowledged: (status) => status >= 200 && status < 300,
  });
  check.deliveryId = record.id;
}

/** Downloads, judges and (unless verdicts are held) pushes the event. */
async function judgeMedia(fake: FakeContext, check: MediaCheckRecord, shutdown: AbortSignal): Promise<void> {
  const fetched = await fetchMedia(check.mediaUrl, shutdown);
  if (shutdown.aborted) return;
  check.fetch = fetched;
  check.verdict = isFetched(fetched) ? verdictFor(fake, check.mediaUrl, fetched) : { suggest: 'review', label: 100 };
  if (!check.isHeld) pushVerdict(fake, check);
}

/**
 * POST /wxa/media_check_async (v2): answers with a trace_id at once; WeChat then downloads the
 * media and pushes the verdict as a wxa_media_check event to the message-push URL (production: up
 * to 30 minutes later). The fake downloads it too: a URL WeChat could not fetch is a bug the
 * tests must see (the event then carries errcode -1).
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
    isHeld: fake.state.settings.holdMediaVerdicts,
  };
  fake.state.mediaChecks.push(check);
  fake.scheduler.after(fake.options.mediaCheckDelayMs, (signal) => judgeMedia(fake, check, signal));
  return { trace_id: check.traceId };
}

/**
 * Control: sends the event of a held check now, with the verdict given (or the one it was judged
 * to have). Resolves once the media has been downloaded.
 */
export async function releaseMediaVerdict(fake: FakeContext, traceId: string, verdict?: Verdict): Promise<MediaCheckRecord> {
  const check = fake.state.mediaChecks.find((candidate) => candidate.traceId === traceId);
  if (!check) throw new ControlError(404, 'UNKNOWN_TRACE_ID', `no media check ${traceId}`);
  if (check.deliveryId) throw new ControlError(409, 'ALREADY_PUSHED', `the verdict of ${traceId} was pushed already`);
  // Still downloading: let the scheduled judgement finish first.
  for (let waited = 0; !check.fetch && waited < fetchTimeoutMs + 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  if (verdict) check.verdict = verdict;
  check.verdict ??= passVerdict;
  check.isHeld = false;
  pushVerdict(fake, check);
  return check;
}
