import type { PrismaClient } from '@govpocket/db';
import type { MarkAllReadResponse, MarkReadResponse, NotificationItem, NotificationListQuery, NotificationListResponse, UnreadCountResponse } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { countUnreadMessages, findMessagePage, findOwnMessage, markAllMessagesRead, markMessageRead, type MessageRow } from './message-repository';

/**
 * The resident's message centre (消息中心). Paging is by offset, bounded by the query schema
 * (≤ 50 a page, ≤ 200 pages), and always within one resident's rows on the (userId, readAt,
 * createdAt) index: cost follows the size of one inbox, not of the table. Someone else's message
 * answers 404, exactly like a missing one.
 */
type Deps = { prisma: PrismaClient };

function toItem(row: MessageRow): NotificationItem {
  return {
    id: row.id,
    eventType: row.eventType,
    title: row.title,
    body: row.body,
    link: row.link,
    isRead: row.readAt !== null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listMyNotifications(deps: Deps, { userId, query }: { userId: string; query: NotificationListQuery }): Promise<NotificationListResponse> {
  const { rows, total } = await findMessagePage(deps.prisma, { userId, skip: (query.page - 1) * query.pageSize, take: query.pageSize, unreadOnly: query.unreadOnly });
  return { items: rows.map(toItem), page: query.page, pageSize: query.pageSize, total };
}

export async function countMyUnreadNotifications(deps: Deps, { userId }: { userId: string }): Promise<UnreadCountResponse> {
  return { count: await countUnreadMessages(deps.prisma, userId) };
}

export async function markNotificationRead(deps: Deps, { userId, notificationId, now = new Date() }: { userId: string; notificationId: string; now?: Date }): Promise<MarkReadResponse> {
  const found = await findOwnMessage(deps.prisma, { id: notificationId, userId });
  if (!found) throw new AppError('NOT_FOUND', { message: '消息不存在' });
  if (found.readAt === null) await markMessageRead(deps.prisma, { id: notificationId, userId, at: now });
  const current = (await findOwnMessage(deps.prisma, { id: notificationId, userId })) ?? found;
  return { notification: toItem(current) };
}

export async function markAllMyNotificationsRead(deps: Deps, { userId, now = new Date() }: { userId: string; now?: Date }): Promise<MarkAllReadResponse> {
  return { updated: await markAllMessagesRead(deps.prisma, { userId, at: now }) };
}
