import { bindStaffRequestSchema, createStaffAccountRequestSchema, disableStaffAccountRequestSchema } from '@govpocket/shared';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireRole, requireUser } from '../auth/access';
import { listStaffAccounts } from './repository';
import { bindStaffIdentity, createStaffAccount, disableStaffAccount, enableStaffAccount, issueBindingCode, type StaffDeps } from './service';

export function staffRoutes(deps: StaffDeps): AppRouter {
  const router = createRouter();

  router.get('/admin/staff-accounts', requireRole('ADMIN'), async (ctx) => {
    ctx.body = { accounts: await listStaffAccounts(deps.prisma) };
  });
  router.post('/admin/staff-accounts', requireRole('ADMIN'), async (ctx) => {
    const input = createStaffAccountRequestSchema.parse(ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = await createStaffAccount(deps, { admin: currentUser(ctx.state), input, requestId: ctx.state.requestId });
  });
  router.post('/admin/staff-accounts/:id/binding-codes', requireRole('ADMIN'), async (ctx) => {
    ctx.status = 201;
    ctx.body = { bindingCode: await issueBindingCode(deps, { admin: currentUser(ctx.state), staffAccountId: ctx.params.id ?? '', requestId: ctx.state.requestId }) };
  });
  router.post('/admin/staff-accounts/:id/disable', requireRole('ADMIN'), async (ctx) => {
    const input = disableStaffAccountRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = { account: await disableStaffAccount(deps, { admin: currentUser(ctx.state), staffAccountId: ctx.params.id ?? '', input, requestId: ctx.state.requestId }) };
  });
  router.post('/admin/staff-accounts/:id/enable', requireRole('ADMIN'), async (ctx) => {
    ctx.body = { account: await enableStaffAccount(deps, { admin: currentUser(ctx.state), staffAccountId: ctx.params.id ?? '', requestId: ctx.state.requestId }) };
  });
  router.post('/staff/bind', requireUser(), async (ctx) => {
    const { code } = bindStaffRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = { user: await bindStaffIdentity(deps, { user: currentUser(ctx.state), code, clientIp: ctx.ip, requestId: ctx.state.requestId }) };
  });
  return router;
}
