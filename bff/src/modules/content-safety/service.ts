import { AppError } from '../../platform/errors/app-error';
import type { MiniProgramApi } from '../wechat/mini-program-api';
import { WechatUnavailableError } from '../wechat/wechat-http';
import type { WordFilter } from './word-filter';

/**
 * Every text a resident writes for others to read (letters, opinions, rating comments, guide error
 * reports) passes here before it is stored as submitted:
 * - a blocked word locally, or WeChat msgSecCheck v2 answering `risky` → refused (422) with a
 *   message the resident can act on;
 * - a review word, or `review` → stored but held for a human (REVIEW);
 * - WeChat unreachable → stored as PENDING and re-checked later: never lost, never published
 *   unchecked;
 * - otherwise PASS.
 * WeChat answers errcode 0 even for risky content: the decision is `result.suggest`.
 */
export type ContentCheckStatus = 'PASS' | 'REVIEW' | 'PENDING';
export type ContentVerdict = { status: ContentCheckStatus; traceId: string | null; reasons: string[] };
export type ContentScene = 'PROFILE' | 'COMMENT' | 'FORUM' | 'SOCIAL_LOG';

const sceneCode: Record<ContentScene, 1 | 2 | 3 | 4> = { PROFILE: 1, COMMENT: 2, FORUM: 3, SOCIAL_LOG: 4 };
const wechatContentLimit = 2500;

export type ContentSafetyDeps = { wechat: MiniProgramApi; words: WordFilter };

export async function checkResidentText(
  deps: ContentSafetyDeps,
  { text, title, openid, scene = 'FORUM' }: { text: string; title?: string; openid: string; scene?: ContentScene },
): Promise<ContentVerdict> {
  const local = deps.words.check(`${title ?? ''}\n${text}`);
  if (local.blocked.length > 0) {
    throw new AppError('CONTENT_REJECTED', { message: '内容含有违法违规或不文明用语，请修改后再提交' });
  }
  const reasons = local.review.map((word) => `关键词复核：${word}`);

  let traceId: string | null = null;
  let wechatSuggest: 'pass' | 'review' | 'risky';
  try {
    // msgSecCheck takes at most 2,500 characters per call: long letters are checked in parts.
    const parts = splitForCheck(text, wechatContentLimit);
    const verdicts = [];
    for (const [index, part] of parts.entries()) {
      verdicts.push(await deps.wechat.checkText({ content: part, openid, scene: sceneCode[scene], title: index === 0 ? title : undefined }));
    }
    traceId = verdicts[0]?.traceId ?? null;
    wechatSuggest = verdicts.some((verdict) => verdict.suggest === 'risky') ? 'risky' : verdicts.some((verdict) => verdict.suggest === 'review') ? 'review' : 'pass';
  } catch (error) {
    if (error instanceof WechatUnavailableError) return { status: 'PENDING', traceId: null, reasons: [...reasons, '内容安全检测暂不可用，待复查'] };
    throw error;
  }
  if (wechatSuggest === 'risky') throw new AppError('CONTENT_REJECTED', { message: '内容可能含有违规信息，请修改后再提交' });
  if (wechatSuggest === 'review') reasons.push('微信内容安全建议人工复核');
  return { status: reasons.length > 0 ? 'REVIEW' : 'PASS', traceId, reasons };
}

/**
 * The verdict for text stored while WeChat's check was unreachable: null while it is still
 * unreachable, RISKY where a fresh submission would have been refused (the text is already stored,
 * so it is hidden rather than refused).
 */
export async function recheckStoredText(
  deps: ContentSafetyDeps,
  input: { text: string; title?: string; openid: string; scene: ContentScene },
): Promise<{ status: 'PASS' | 'REVIEW' | 'RISKY'; traceId: string | null } | null> {
  try {
    const verdict = await checkResidentText(deps, input);
    return verdict.status === 'PENDING' ? null : { status: verdict.status, traceId: verdict.traceId };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONTENT_REJECTED') return { status: 'RISKY', traceId: null };
    throw error;
  }
}

export function splitForCheck(text: string, limit: number): string[] {
  const chars = [...text];
  if (chars.length === 0) return [''];
  const parts: string[] = [];
  for (let start = 0; start < chars.length; start += limit) parts.push(chars.slice(start, start + limit).join(''));
  return parts;
}
