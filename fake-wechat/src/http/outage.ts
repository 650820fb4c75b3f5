import type { Middleware } from 'koa';
import type { FakeContext } from '../fake-context';
import type { OutageScope } from '../state';

export function isOutageFor(fake: FakeContext, area: Exclude<OutageScope, 'all'>): boolean {
  const { mode, scope } = fake.state.settings.outage;
  return mode !== 'none' && (scope === 'all' || scope === area);
}

/**
 * Transport-level outages ("WeChat is unreachable"): 503 from the load balancer, or a connection
 * dropped without an answer. Application-level ones (errcode -1, SYSTEM_ERROR) live in each
 * protocol's router. The control API is never affected, so a test can always end the outage.
 */
export function transportOutage(fake: FakeContext): Middleware {
  return async (ctx, next) => {
    const area = ctx.path.startsWith('/v3/') ? 'pay' : ctx.path.startsWith('/__control') ? undefined : 'mini-program';
    if (area === undefined || !isOutageFor(fake, area)) return next();
    const { mode } = fake.state.settings.outage;
    if (mode === 'http-503') {
      ctx.status = 503;
      ctx.type = 'text/html';
      ctx.body = '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>';
      return;
    }
    if (mode === 'connection-reset') {
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    return next();
  };
}
