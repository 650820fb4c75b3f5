import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../logger';
import { matchedRoute } from './router';
import type { AppState } from './types';

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane) and a child logger, made
 * when first used: a hot read that logs nothing at a quiet level does not pay for one.
 */
export function requestContext(logger: Logger): Middleware<AppState> {
  const logsRequests = logger.isLevelEnabled('info');
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id');
    const requestId = requestIdPattern.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    let log: Logger | undefined;
    Object.defineProperty(ctx.state, 'log', {
      configurable: true,
      enumerable: true,
      get: () => (log ??= logger.child({ requestId })),
      set: (value: Logger) => {
        log = value;
      },
    });
    ctx.set('X-Request-Id', requestId);
    if (!logsRequests) return next();
    const startedAt = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      ctx.state.log.info({ method: ctx.method, route: matchedRoute(ctx) ?? 'unmatched', status: ctx.status, durationMs: Math.round(durationMs * 10) / 10 }, 'request');
    }
  };
}
