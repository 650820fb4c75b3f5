import type { Middleware } from 'koa';
import type { AppState } from './types';

/**
 * An answer to a signed-in request (or one that carried credentials) is `Cache-Control: no-store`
 * unless its route chose otherwise: personal data must not stay in a shared proxy or a browser's
 * disk cache by accident. A route opts into caching by setting the header itself (the cached guide
 * reads with their ETag, a signed file URL's private max-age, the home screen's private no-cache).
 * Runs outside the error handler, so error answers get it too.
 */
export function noStoreForSignedIn(): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
    } finally {
      if ((ctx.state.user || ctx.get('Authorization')) && !ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'no-store');
    }
  };
}
