import { bindPhoneRequestSchema, deleteAccountRequestSchema, recordConsentRequestSchema, updatePreferencesRequestSchema } from '@govpocket/shared';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireUser } from '../auth/access';
import { bindPhone, deleteMyAccount, exportMyData, getProfile, recordConsent, updatePreferences, type MeDeps } from './service';

/** 我的: profile, consent, phone, 长辈版, data export and account deletion. */
export function meRoutes(deps: MeDeps): AppRouter {
  const router = createRouter('/me', { guard: requireUser() });
  router.get('/profile', async (ctx) => {
    ctx.body = await getProfile(deps, currentUser(ctx.state));
  });
  router.post('/consents', async (ctx) => {
    const input = recordConsentRequestSchema.parse(ctx.request.body ?? {});
    await recordConsent(deps, { user: currentUser(ctx.state), ...input });
    ctx.body = await getProfile(deps, currentUser(ctx.state));
  });
  router.post('/phone', async (ctx) => {
    const { code } = bindPhoneRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = await bindPhone(deps, { user: currentUser(ctx.state), code });
  });
  router.put('/preferences', async (ctx) => {
    const { isElderMode } = updatePreferencesRequestSchema.parse(ctx.request.body ?? {});
    await updatePreferences(deps, { user: currentUser(ctx.state), isElderMode });
    ctx.body = await getProfile(deps, currentUser(ctx.state));
  });
  router.get('/export', async (ctx) => {
    ctx.set('Content-Disposition', 'attachment; filename="govpocket-my-data.json"');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await exportMyData(deps, currentUser(ctx.state));
  });
  router.post('/delete-account', async (ctx) => {
    deleteAccountRequestSchema.parse(ctx.request.body ?? {});
    await deleteMyAccount(deps, { user: currentUser(ctx.state), requestId: ctx.state.requestId });
    ctx.status = 204;
  });
  return router;
}
