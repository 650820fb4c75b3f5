import type { Role, SessionUser } from '@govpocket/shared';
import type { Middleware } from 'koa';
import { AppError } from '../../platform/errors/app-error';
import type { AppState } from '../../platform/http/types';

/**
 * Role and scope checks. A route declares the roles it serves; a service then checks the scope
 * of the very record it touches (this hall's queue, this department's letter) with `assertScope`.
 */
export function currentUser(state: AppState): SessionUser {
  if (!state.user) throw new AppError('UNAUTHENTICATED');
  return state.user;
}

export function requireUser(): Middleware<AppState> {
  return async (ctx, next) => {
    currentUser(ctx.state);
    await next();
  };
}

export function hasRole(user: SessionUser, role: Role): boolean {
  return user.roles.some((assignment) => assignment.role === role);
}

export function requireRole(...roles: Role[]): Middleware<AppState> {
  return async (ctx, next) => {
    const user = currentUser(ctx.state);
    if (!roles.some((role) => hasRole(user, role))) throw new AppError('FORBIDDEN');
    await next();
  };
}

/** The hall or department ids this user may act on in `role` (admins: everything, as null). */
export function scopeIds(user: SessionUser, role: Role): { all: boolean; ids: string[] } {
  if (hasRole(user, 'ADMIN')) return { all: true, ids: [] };
  const assignments = user.roles.filter((assignment) => assignment.role === role);
  return { all: assignments.some((assignment) => assignment.scopeType === 'GLOBAL'), ids: assignments.flatMap((assignment) => (assignment.scopeId ? [assignment.scopeId] : [])) };
}

export function assertScope(user: SessionUser, role: Role, scopeId: string): void {
  const scope = scopeIds(user, role);
  if (!scope.all && !scope.ids.includes(scopeId)) throw new AppError('FORBIDDEN', { message: '该事项不在您的管辖范围内' });
}

/**
 * Role **and** scope, checked before the handler runs: the route's `:param` names the hall or
 * department, and the user must hold one of `roles` for exactly that one (admins hold every scope).
 */
export function requireScope(roles: Role[], param: string): Middleware<AppState> {
  return async (ctx, next) => {
    const user = currentUser(ctx.state);
    const params: unknown = Reflect.get(ctx, 'params');
    const scopeId = typeof params === 'object' && params !== null ? Reflect.get(params, param) : undefined;
    if (typeof scopeId !== 'string') throw new AppError('NOT_FOUND');
    const allowed = hasRole(user, 'ADMIN') || roles.some((role) => {
      const scope = scopeIds(user, role);
      return scope.all || scope.ids.includes(scopeId);
    });
    if (!allowed) throw new AppError('FORBIDDEN', { message: '该事项不在您的管辖范围内' });
    await next();
  };
}
