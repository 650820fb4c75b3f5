import type { Context } from 'koa';
import type { CachedAnswer } from '../../modules/guide/guide-cache';

/** Sends a pre-serialised JSON answer with its ETag; a matching If-None-Match gets 304, no body. */
export function sendCachedJson(ctx: Context, answer: CachedAnswer, { maxAgeSeconds = 60 }: { maxAgeSeconds?: number } = {}): void {
  ctx.set('ETag', answer.etag);
  ctx.set('Cache-Control', `public, max-age=${maxAgeSeconds}`);
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = answer.body;
}
