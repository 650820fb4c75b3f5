import Router, { type RouterMiddleware } from '@koa/router';
import type { AppState } from './types';

export type AppRouter = Router<AppState>;

type Guard = RouterMiddleware<AppState>;

/**
 * Every route matches its path exactly: case-sensitively and without a trailing slash
 * (`/ADMIN/CALENDAR/2027`, `/me/profile/` and `//me/profile` are 404). @koa/router's prefix
 * middleware compiled its own regular expression (case-sensitive) while routes matched
 * case-insensitively, so a role check registered with `router.use` could be stepped around by
 * changing a letter's case. Guards are therefore never router-level layers: `createRouter(prefix,
 * { guard })` puts them in the stack of every route it registers, where they run whenever the
 * route's handler does, and `router.use(middleware)` is refused (nested routers only).
 */
export function createRouter(prefix = '', options: { guard?: Guard | Guard[] } = {}): AppRouter {
  const pathPrefix = prefix.replace(/\/$/, '');
  const guards = options.guard === undefined ? [] : Array.isArray(options.guard) ? options.guard : [options.guard];
  const router = new Router<AppState>({ strict: true, sensitive: true });
  const register = router.register.bind(router);
  router.register = (path, methods, middleware, layerOptions) => {
    if (methods.length === 0) {
      throw new Error('router.use(middleware) is a layer of its own that routes match without; pass guards to createRouter or to each route');
    }
    if (Array.isArray(path)) {
      for (const each of path) router.register(each, methods, middleware, layerOptions);
      return router;
    }
    const full = typeof path === 'string' ? pathPrefix + (path === '/' && pathPrefix ? '' : path) : path;
    const chain = Array.isArray(middleware) ? middleware : [middleware];
    return register(full, methods, [...guards, ...chain], layerOptions);
  };
  return router;
}

/**
 * The pattern of the route that handled the request (`/guides/:code`), read once the chain has
 * run: @koa/router sets it on the context as it dispatches, without typing it for plain Koa.
 */
export function matchedRoute(ctx: object): string | undefined {
  const value: unknown = Reflect.get(ctx, '_matchedRoute');
  return typeof value === 'string' ? value : undefined;
}

/**
 * The literal first path segment a route can match ('guides' for '/guides/:code'), exactly as
 * routes match it (case-sensitively); undefined when the first segment is a parameter or a
 * pattern, so the layer may match under any segment.
 */
function firstSegmentOf(layerPath: string | RegExp): string | undefined {
  if (typeof layerPath !== 'string') return undefined;
  const match = /^\/([A-Za-z0-9._-]*)(.*)$/s.exec(layerPath);
  if (!match) return undefined;
  const [, segment = '', rest = ''] = match;
  const endsSegment = rest === '' || rest.startsWith('/') || rest.startsWith('{/') || rest === '(?:\\/|$)';
  return endsSegment ? segment : undefined;
}

/**
 * Dispatches each request to a router holding only the routes under its first path segment, in
 * the order the root router has them (layers that can match under any segment are in every
 * one). @koa/router tests every route's pattern on every request; with a hundred and more routes
 * that was most of a hot cached read's routing cost. 404 and 405 answers are unchanged: every
 * router records what it matched on the context, which allowedMethods reads.
 */
export function dispatchByFirstSegment(root: AppRouter): ReturnType<AppRouter['routes']> {
  const segments = new Set(root.stack.map((layer) => firstSegmentOf(layer.path)).filter((segment): segment is string => segment !== undefined));
  const routers = new Map([...segments].map((segment) => [segment, createRouter()]));
  const anySegment = createRouter();
  for (const layer of root.stack) {
    const segment = firstSegmentOf(layer.path);
    const targets = segment === undefined ? [...routers.values(), anySegment] : [routers.get(segment) ?? anySegment];
    for (const target of targets) target.stack.push(layer);
  }
  const dispatchers = new Map([...routers].map(([segment, router]) => [segment, router.routes()]));
  const fallback = anySegment.routes();
  const dispatch: ReturnType<AppRouter['routes']> = (ctx, next) => {
    const path = ctx.path;
    const end = path.indexOf('/', 1);
    const segment = end < 0 ? path.slice(1) : path.slice(1, end);
    return (dispatchers.get(segment) ?? fallback)(ctx, next);
  };
  return dispatch;
}
