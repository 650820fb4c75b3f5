import type { Middleware } from 'koa';

/**
 * The H5 demo calls the control API straight from the browser, so /__control answers CORS for any
 * origin. The protocol endpoints do not: real WeChat servers are never called from a browser.
 */
export function controlCors(): Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__control')) return next();
    ctx.set('Access-Control-Allow-Origin', ctx.get('Origin') || '*');
    ctx.set('Vary', 'Origin');
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      ctx.set('Access-Control-Allow-Headers', ctx.get('Access-Control-Request-Headers') || 'Content-Type');
      ctx.set('Access-Control-Max-Age', '600');
      ctx.status = 204;
      return;
    }
    await next();
  };
}
