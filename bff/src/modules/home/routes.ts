import type { PrismaClient } from '@govpocket/db';
import type { GuideCatalog, HomeScreen } from '@govpocket/shared';
import { createRouter, type AppRouter } from '../../platform/http/router';
import type { GuideCache } from '../guide/guide-cache';
import { hotGuides } from '../guide/repository';
import { readCatalog, type GuideDeps } from '../guide/service';

/**
 * 首页 in one request: hot items and life events (shared, cached) and, for a signed-in resident,
 * the next appointment and the unread message count.
 */
export function homeRoutes(deps: GuideDeps & { prisma: PrismaClient; cache: GuideCache; now?: () => Date }): AppRouter {
  const router = createRouter();
  router.get('/home', async (ctx) => {
    const version = await deps.cache.version();
    const hot = (await deps.cache.read(version, 'home:hot')) ?? (await deps.cache.write(version, 'home:hot', JSON.stringify(await hotGuides(deps.prisma, 8))));
    const catalog = JSON.parse((await readCatalog(deps)).json) as GuideCatalog;
    const user = ctx.state.user;
    const [nextAppointment, unreadCount] = user
      ? await Promise.all([
          deps.prisma.appointment.findFirst({
            where: { residentId: user.id, status: { in: ['BOOKED', 'CHECKED_IN', 'CALLED', 'SERVING'] }, endsAt: { gte: deps.now?.() ?? new Date() } },
            orderBy: { startsAt: 'asc' },
            select: { id: true, startsAt: true, endsAt: true, status: true, queueNumber: true, item: { select: { name: true } }, hall: { select: { name: true } } },
          }),
          deps.prisma.notification.count({ where: { userId: user.id, readAt: null } }),
        ])
      : [null, null];
    const body: HomeScreen = {
      hotGuides: JSON.parse(hot.json) as HomeScreen['hotGuides'],
      lifeEvents: catalog.lifeEvents,
      nextAppointment: nextAppointment
        ? {
            id: nextAppointment.id,
            itemName: nextAppointment.item.name,
            hallName: nextAppointment.hall.name,
            startsAt: nextAppointment.startsAt.toISOString(),
            endsAt: nextAppointment.endsAt.toISOString(),
            status: nextAppointment.status,
            queueNumber: nextAppointment.queueNumber,
          }
        : null,
      unreadCount,
    };
    ctx.set('Cache-Control', user ? 'private, no-cache' : 'public, max-age=60');
    ctx.body = body;
  });
  return router;
}
