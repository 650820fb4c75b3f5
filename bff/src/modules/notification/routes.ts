import type { PrismaClient } from '@govpocket/db';
import {
  markAllReadResponseSchema,
  markReadResponseSchema,
  notificationListQuerySchema,
  notificationListResponseSchema,
  subscriptionResultsRequestSchema,
  subscriptionsResponseSchema,
  unreadCountResponseSchema,
} from '@govpocket/shared';
import { z } from 'zod';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireUser } from '../auth/access';
import { createTemplateRegistrySource, type TemplateRegistrySource } from './load-template-registry';
import { countMyUnreadNotifications, listMyNotifications, markAllMyNotificationsRead, markNotificationRead } from './message-centre';
import { getMySubscriptions, recordSubscriptionResults } from './record-subscriptions';

export type NotificationRouteDeps = { prisma: PrismaClient; registry?: TemplateRegistrySource };

const idParamSchema = z.object({ id: z.string().min(1).max(32) });

/** The message centre and subscribe-message acceptances; every route is the caller's own data. */
export function notificationRoutes(deps: NotificationRouteDeps): AppRouter {
  const services = { prisma: deps.prisma, registry: deps.registry ?? createTemplateRegistrySource({ prisma: deps.prisma }) };
  const router = createRouter('/notifications');
  router.get('/', requireUser(), async (ctx) => {
    const query = notificationListQuerySchema.parse(ctx.query);
    ctx.body = notificationListResponseSchema.parse(await listMyNotifications(services, { userId: currentUser(ctx.state).id, query }));
  });
  router.get('/unread-count', requireUser(), async (ctx) => {
    ctx.body = unreadCountResponseSchema.parse(await countMyUnreadNotifications(services, { userId: currentUser(ctx.state).id }));
  });
  router.post('/read-all', requireUser(), async (ctx) => {
    ctx.body = markAllReadResponseSchema.parse(await markAllMyNotificationsRead(services, { userId: currentUser(ctx.state).id }));
  });
  router.post('/:id/read', requireUser(), async (ctx) => {
    const { id } = idParamSchema.parse(ctx.params);
    ctx.body = markReadResponseSchema.parse(await markNotificationRead(services, { userId: currentUser(ctx.state).id, notificationId: id }));
  });
  router.get('/subscriptions', requireUser(), async (ctx) => {
    ctx.body = subscriptionsResponseSchema.parse(await getMySubscriptions(services, { userId: currentUser(ctx.state).id }));
  });
  router.post('/subscriptions', requireUser(), async (ctx) => {
    const input = subscriptionResultsRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = subscriptionsResponseSchema.parse(await recordSubscriptionResults(services, { userId: currentUser(ctx.state).id, results: input.results }));
  });
  return router;
}
