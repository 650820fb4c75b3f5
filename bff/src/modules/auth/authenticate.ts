import type { Middleware } from 'koa';
import type { PrismaClient } from '@govpocket/db';
import { AppError } from '../../platform/errors/app-error';
import type { AppState } from '../../platform/http/types';
import { findSessionIdentity } from './repository';
import type { SessionStore } from './session-store';

/**
 * Reads `Authorization: Bearer <token>`. No header: an anonymous request. A header with a dead
 * token: 401, so the client logs in again instead of silently acting as a stranger. If Redis is
 * unreachable the lookup throws and the request fails closed with 503.
 */
export function authenticate({ prisma, sessions }: { prisma: PrismaClient; sessions: SessionStore }): Middleware<AppState> {
  return async (ctx, next) => {
    const header = ctx.get('Authorization');
    if (!header) return next();
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED', { message: '登录状态无效，请重新登录' });
    const token = match[1];
    const session = await sessions.touch(token);
    if (!session) throw new AppError('UNAUTHENTICATED', { message: '登录已过期，请重新登录' });
    const identity = await findSessionIdentity(prisma, session.userId);
    if (!identity) {
      await sessions.revoke(token);
      throw new AppError('UNAUTHENTICATED', { message: '账号已注销，请重新登录' });
    }
    // Checked on every request, not only when the account is disabled: a session created while
    // an admin disabled the account, or one a failed revocation left behind, ends here too.
    if (identity.staffDisabled) {
      await sessions.revoke(token);
      throw new AppError('UNAUTHENTICATED', { message: '您的员工账号已停用，请联系管理员' });
    }
    const { user } = identity;
    // A staff lifetime counts from sign-in, or from binding if a resident session became staff.
    if (sessions.isPastMaxAge(session, user.roles.length > 0 ? 'staff' : 'resident', identity.staffSince)) {
      await sessions.revoke(token);
      throw new AppError('UNAUTHENTICATED', { message: '登录已过期，请重新登录' });
    }
    ctx.state.user = user;
    ctx.state.sessionToken = token;
    ctx.state.log = ctx.state.log.child({ userId: user.id });
    await next();
  };
}
