import type { Middleware } from 'koa';

/**
 * The H5 demo calls the control API straight from the browser, so /__control answers CORS, but
 * only for the demo's own origin (`allowedOrigins`, or any loopback origin when none are given):
 * a page from anywhere else gets 403 and cannot mint login codes or settle payments. Bodies must
 * be JSON (415 otherwise), so no form post or text/plain "simple request" slips past the
 * preflight. The protocol endpoints answer no CORS: real WeChat servers are never called from a
 * browser.
 */
const loopbackOrigin = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

export function isAllowedControlOrigin(origin: string, allowedOrigins: readonly string[] | undefined): boolean {
  return allowedOrigins ? allowedOrigins.includes(origin) : loopbackOrigin.test(origin);
}

export function controlCors({ allowedOrigins }: { allowedOrigins?: readonly string[] } = {}): Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__control')) return next();
    const origin = ctx.get('Origin');
    ctx.set('Vary', 'Origin');
    if (origin && !isAllowedControlOrigin(origin, allowedOrigins)) {
      ctx.status = 403;
      ctx.body = { error: { code: 'FORBIDDEN_ORIGIN', message: `origin ${origin} may not use the control API` } };
      return;
    }
    if (origin) ctx.set('Access-Control-Allow-Origin', origin);
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      ctx.set('Access-Control-Allow-Headers', ctx.get('Access-Control-Request-Headers') || 'Content-Type');
      ctx.set('Access-Control-Max-Age', '600');
      ctx.status = 204;
      return;
    }
    // A body must say it is JSON; a bodiless call (GET, or POST without a body) is fine.
    const hasBody = ctx.get('Transfer-Encoding') !== '' || (ctx.request.length ?? 0) > 0;
    if (hasBody && !ctx.request.is('application/json')) {
      ctx.status = 415;
      ctx.body = { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'the control API accepts application/json bodies only' } };
      return;
    }
    await next();
  };
}
