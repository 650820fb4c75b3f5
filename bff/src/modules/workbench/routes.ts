import type { PrismaClient } from '@govpocket/db';
import { AppError } from '../../platform/errors/app-error';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { requireScope } from '../auth/access';
import { withScheduledHours } from '../booking/hall-hours';
import { localDateOf } from '../calendar/shanghai-time';
import { departmentOverview, hallOverview } from './repository';

/** The staff subpackage's home screens, one request each, behind role and scope. */
export function workbenchRoutes({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }): AppRouter {
  const router = createRouter();
  router.get('/staff/halls/:hallId/overview', requireScope(['WINDOW_STAFF'], 'hallId'), async (ctx) => {
    const today = localDateOf(now());
    const overview = await hallOverview(prisma, { hallId: ctx.params.hallId ?? '', date: new Date(`${today}T00:00:00.000Z`) });
    if (!overview) throw new AppError('NOT_FOUND', { message: '大厅不存在' });
    const [hall] = await withScheduledHours(prisma, [overview.hall], now());
    ctx.body = { date: today, ...overview, hall: hall ?? overview.hall };
  });
  router.get('/staff/departments/:departmentId/overview', requireScope(['DEPARTMENT_HANDLER', 'MAILBOX_OFFICE'], 'departmentId'), async (ctx) => {
    const overview = await departmentOverview(prisma, { departmentId: ctx.params.departmentId ?? '' });
    if (!overview) throw new AppError('NOT_FOUND', { message: '部门不存在' });
    ctx.body = overview;
  });
  return router;
}
