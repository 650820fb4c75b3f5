import type { Middleware } from 'koa';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { matchedRoute } from './http/router';
import type { AppState } from './http/types';

export type Metrics = {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  httpErrors: Counter<'route' | 'code'>;
};

/** One registry per app instance, so tests can build many apps in one process. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'govpocket_' });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'govpocket_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    httpErrors: new Counter({ name: 'govpocket_http_errors_total', help: 'Error answers by route and code', labelNames: ['route', 'code'], registers: [registry] }),
  };
}

/** Times every request by its route pattern (`/guides/:code`), never by the raw path. */
export function httpMetrics(metrics: Metrics): Middleware<AppState> {
  return async (ctx, next) => {
    const stop = metrics.httpDuration.startTimer({ method: ctx.method });
    try {
      await next();
    } finally {
      const route = matchedRoute(ctx) ?? 'unmatched';
      stop({ route, status: String(ctx.status) });
      const body: unknown = ctx.body;
      if (ctx.status >= 400 && typeof body === 'object' && body !== null && 'error' in body) {
        const { error } = body as { error: { code?: string } };
        metrics.httpErrors.inc({ route, code: error.code ?? 'UNKNOWN' });
      }
    }
  };
}
