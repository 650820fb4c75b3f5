import { wechatLoginRequestSchema } from '@govpocket/shared';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireUser } from './access';
import { loginWithWechatCode, type AuthDeps } from './service';

export function authRoutes(deps: AuthDeps): AppRouter {
  const router = createRouter();
  router.post('/auth/wechat', async (ctx) => {
    const input = wechatLoginRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = await loginWithWechatCode(deps, { code: input.code, clientIp: ctx.ip });
  });
  router.post('/auth/logout', requireUser(), async (ctx) => {
    if (ctx.state.sessionToken) await deps.sessions.revoke(ctx.state.sessionToken);
    ctx.status = 204;
  });
  router.get('/me', requireUser(), (ctx) => {
    ctx.body = { user: currentUser(ctx.state) };
  });
  return router;
}
