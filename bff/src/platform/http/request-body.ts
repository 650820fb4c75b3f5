import type { Middleware } from 'koa';
import { AppError } from '../errors/app-error';
import type { AppState } from './types';

/**
 * The BFF takes request bodies as they are sent: no client of ours compresses one, and a body
 * declared gzip or br that is not (or a decompression bomb that is) has nothing to gain from being
 * inflated. A body with any Content-Encoding but identity is refused with 415 before a parser reads a byte.
 */
export function refuseEncodedBodies(): Middleware<AppState> {
  return (ctx, next) => {
    const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
    const hasBody = Number(ctx.get('Content-Length') || 0) > 0 || ctx.get('Transfer-Encoding') !== '';
    if (hasBody && encoding !== '' && encoding !== 'identity') {
      ctx.set('Accept-Encoding', 'identity');
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: '不支持压缩的请求内容，请直接提交' });
    }
    return next();
  };
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Visit = { value: unknown; key: string | undefined; parent: Visit | undefined };

function pathOf(visit: Visit, last?: string): string {
  const keys: string[] = last === undefined ? [] : [last];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
  return keys.join('.');
}

/**
 * The path (`reason`, `items.2.name`) of the first string or key holding a lone UTF-16 surrogate,
 * if any. Walked with a stack of its own, not recursion: JSON.parse takes bodies nested thousands
 * deep, and the walk must not overflow where the parser did not.
 */
export function findIllFormedText(body: unknown): string | undefined {
  const pending: Visit[] = [{ value: body, key: undefined, parent: undefined }];
  for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
    const { value } = visit;
    if (typeof value === 'string') {
      if (loneSurrogate.test(value)) return pathOf(visit);
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) pending.push({ value: value[index], key: String(index), parent: visit });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value).reverse()) {
        if (loneSurrogate.test(key)) return pathOf(visit, key.replace(loneSurrogate, '?'));
        pending.push({ value: item, key, parent: visit });
      }
    }
  }
  return undefined;
}

/**
 * JSON may escape half of a surrogate pair (`"\ud800"`): such text is no Unicode, MySQL's JSON
 * columns (the audit log) refuse it with a 500 and nothing can show it. Refused here, where every
 * JSON body is parsed, so that no route can forget it.
 */
export function assertWellFormedText(body: unknown): void {
  const path = findIllFormedText(body);
  if (path === undefined) return;
  throw new AppError('VALIDATION_FAILED', {
    message: '提交的内容含有无法识别的字符，请删除后重试',
    details: [{ path, message: '含有无法识别的字符（不成对的 UTF-16 代理项）' }],
  });
}
