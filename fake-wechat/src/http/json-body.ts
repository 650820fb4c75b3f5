import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';

/**
 * Parses JSON bodies whatever the Content-Type says (WeChat does; the control API refuses
 * non-JSON content types before this, see control/cors.ts) and keeps the raw text in `ctx.request.rawBody`, which
 * WeChat Pay signatures are checked against. `invalidJson` builds each protocol's own error.
 */
export function jsonBody(invalidJson: () => Error): Middleware {
  return bodyParser({
    detectJSON: () => true,
    enableTypes: ['json'],
    onError: () => {
      throw invalidJson();
    },
  });
}
