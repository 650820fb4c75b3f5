import Router from '@koa/router';
import type { AppState } from './types';

export type AppRouter = Router<AppState>;

export function createRouter(prefix?: string): AppRouter {
  return new Router<AppState>(prefix ? { prefix } : undefined);
}

/**
 * The pattern of the route that handled the request (`/guides/:code`), read once the chain has
 * run: @koa/router sets it on the context as it dispatches, without typing it for plain Koa.
 */
export function matchedRoute(ctx: object): string | undefined {
  const value: unknown = Reflect.get(ctx, '_matchedRoute');
  return typeof value === 'string' ? value : undefined;
}
