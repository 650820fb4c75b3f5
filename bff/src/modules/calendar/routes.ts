import { z } from 'zod';
import { calendarOverrideRequestSchema } from '@govpocket/shared';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireRole } from '../auth/access';
import type { CalendarService } from './service';

const yearSchema = z.coerce.number().int().min(2000).max(2100);

/** Admin: the holiday calendar (published arrangement + overrides for years not yet published). */
export function calendarRoutes(calendar: CalendarService): AppRouter {
  const router = createRouter('/admin/calendar', { guard: requireRole('ADMIN') });
  router.get('/:year', async (ctx) => {
    const year = yearSchema.parse(ctx.params.year);
    ctx.body = { year, days: await calendar.specialDays(year) };
  });
  router.put('/days/:date', async (ctx) => {
    const input = calendarOverrideRequestSchema.parse(ctx.request.body ?? {});
    await calendar.setOverride({ admin: currentUser(ctx.state), override: { date: ctx.params.date ?? '', ...input }, requestId: ctx.state.requestId });
    ctx.body = (await calendar.current()).describe(ctx.params.date ?? '');
  });
  router.delete('/days/:date', async (ctx) => {
    await calendar.removeOverride({ admin: currentUser(ctx.state), date: ctx.params.date ?? '', requestId: ctx.state.requestId });
    ctx.status = 204;
  });
  return router;
}
