import type { FakeContext } from '../fake-context';
import { integerField, stringField, type JsonObject } from '../http/json-input';
import { newTraceId } from '../identifiers';
import type { Suggest, Verdict } from '../state';
import { wxErrors } from './wx-error';

const maxContentLength = 2500;
const normalLabel = 100;
const otherLabel = 21000;

export type CheckDetail = { strategy: 'content_model' | 'keyword'; errcode: 0; suggest: Suggest; label: number; prob?: number; level?: number; keyword?: string };
export type MsgSecCheckResult = { result: Verdict; detail: CheckDetail[]; trace_id: string };

/** The v2 fields every content-security call needs: scene 1 资料, 2 评论, 3 论坛, 4 社交日志; and a user of the app. */
export function readSceneAndOpenid(fake: FakeContext, body: JsonObject): { scene: number; openid: string } {
  if (integerField(body, 'version') !== 2) throw wxErrors.dataFormatError();
  const scene = integerField(body, 'scene');
  const openid = stringField(body, 'openid');
  if (scene === undefined || scene < 1 || scene > 4 || !openid) throw wxErrors.dataFormatError();
  if (!fake.state.users.has(openid)) throw wxErrors.invalidOpenid();
  return { scene, openid };
}

/** Risky words win over review words; the first word found names the label. */
function judge(fake: FakeContext, text: string): { verdict: Verdict; keyword?: string } {
  const { risky, review, labels = {} } = fake.state.settings.sensitiveWords;
  for (const [suggest, words] of [['risky', risky], ['review', review]] as const) {
    const keyword = words.find((word) => word !== '' && text.includes(word));
    if (keyword !== undefined) return { verdict: { suggest, label: labels[keyword] ?? otherLabel }, keyword };
  }
  return { verdict: { suggest: 'pass', label: normalLabel } };
}

/**
 * POST /wxa/msg_sec_check (v2). errcode stays 0 for risky text: the verdict is in `result`.
 * title and nickname are checked together with the content, as WeChat does.
 */
export function checkMessageSecurity(fake: FakeContext, body: JsonObject): MsgSecCheckResult {
  const content = stringField(body, 'content');
  if (!content || [...content].length > maxContentLength) throw wxErrors.dataFormatError();
  const { scene, openid } = readSceneAndOpenid(fake, body);
  const text = [stringField(body, 'title'), stringField(body, 'nickname'), content].filter((part) => part !== undefined).join('\n');
  const { verdict, keyword } = judge(fake, text);
  const traceId = newTraceId();
  fake.state.contentChecks.push({ at: fake.clock.now(), traceId, openid, scene, content, verdict, ...(keyword ? { keyword } : {}) });
  const modelVerdict: CheckDetail = { strategy: 'content_model', errcode: 0, ...verdict, prob: 90 };
  const keywordVerdict: CheckDetail = keyword
    ? { strategy: 'keyword', errcode: 0, ...verdict, level: 20, keyword }
    : { strategy: 'keyword', errcode: 0, suggest: 'pass', label: normalLabel };
  return { result: verdict, detail: [modelVerdict, keywordVerdict], trace_id: traceId };
}
