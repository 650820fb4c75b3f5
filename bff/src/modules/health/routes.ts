import type { Metrics } from '../../platform/metrics';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { checkReadiness, type DependencyProbe } from './service';

/** Liveness, readiness (MySQL and Redis answer) and Prometheus metrics. */
export function healthRoutes({ probes, metrics }: { probes: { mysql: DependencyProbe; redis: DependencyProbe }; metrics: Metrics }): AppRouter {
  const router = createRouter();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const readiness = await checkReadiness(probes);
    ctx.status = readiness.status === 'ok' ? 200 : 503;
    if (readiness.status !== 'ok') ctx.set('Retry-After', '5');
    ctx.body = readiness;
  });
  router.get('/metrics', async (ctx) => {
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });
  return router;
}
