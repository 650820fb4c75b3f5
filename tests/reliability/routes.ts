import type { App } from '../../bff/src/app';

/** One route of the app as the router declares it: `GET /letters/:id`. */
export type Route = { method: string; path: string };

/**
 * Every method + path the app's router serves (HEAD is GET's echo), in declaration order, so a
 * suite that walks them covers a new route without an edit of its own.
 */
export function routesOf(app: Pick<App, 'router'>): Route[] {
  const routes: Route[] = [];
  for (const layer of app.router.stack) {
    if (typeof layer.path !== 'string') continue;
    for (const method of layer.methods) if (method !== 'HEAD' && !routes.some((route) => route.method === method && route.path === layer.path)) routes.push({ method, path: layer.path });
  }
  return routes;
}

export const routeKey = (route: Route): string => `${route.method} ${route.path}`;
