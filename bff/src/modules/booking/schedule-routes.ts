import { scheduleOverrideInputSchema, scheduleTemplateInputSchema } from '@govpocket/shared';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireRole } from '../auth/access';
import type { BookingDeps } from './deps';
import { getHallSchedule, removeScheduleOverride, saveScheduleOverride, saveScheduleTemplate } from './schedule-service';

/** Admin: schedule templates (weekly rules) and date overrides of a hall. */
export function scheduleAdminRoutes(deps: BookingDeps): AppRouter {
  const router = createRouter('/admin/halls/:hallId', { guard: requireRole('ADMIN') });
  router.get('/schedule', async (ctx) => {
    ctx.body = await getHallSchedule(deps, { hallId: ctx.params.hallId ?? '' });
  });
  router.post('/schedule-templates', async (ctx) => {
    const input = scheduleTemplateInputSchema.parse(ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = await saveScheduleTemplate(deps, { admin: currentUser(ctx.state), hallId: ctx.params.hallId ?? '', input, requestId: ctx.state.requestId });
  });
  router.put('/schedule-templates/:templateId', async (ctx) => {
    const input = scheduleTemplateInputSchema.parse(ctx.request.body ?? {});
    ctx.body = await saveScheduleTemplate(deps, { admin: currentUser(ctx.state), hallId: ctx.params.hallId ?? '', templateId: ctx.params.templateId ?? '', input, requestId: ctx.state.requestId });
  });
  router.post('/schedule-overrides', async (ctx) => {
    const input = scheduleOverrideInputSchema.parse(ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = await saveScheduleOverride(deps, { admin: currentUser(ctx.state), hallId: ctx.params.hallId ?? '', input, requestId: ctx.state.requestId });
  });
  router.delete('/schedule-overrides/:overrideId', async (ctx) => {
    ctx.body = await removeScheduleOverride(deps, { admin: currentUser(ctx.state), hallId: ctx.params.hallId ?? '', overrideId: ctx.params.overrideId ?? '', requestId: ctx.state.requestId });
  });
  return router;
}
