import {
  markAllReadResponseSchema,
  markReadResponseSchema,
  notificationListResponseSchema,
  subscriptionResultsRequestSchema,
  subscriptionsResponseSchema,
  unreadCountResponseSchema,
  type NotificationItem,
  type NotificationListResponse,
  type SubscribeResult,
  type SubscriptionsResponse,
} from '@govpocket/shared';
import { bffClient } from './api-client';

export const messagePageSize = 20;

/** `GET /notifications`: the resident's own messages, newest first. */
export function listNotifications({ page, unreadOnly = false }: { page: number; unreadOnly?: boolean }): Promise<NotificationListResponse> {
  return bffClient.request({
    path: '/notifications',
    query: { page, pageSize: messagePageSize, unreadOnly },
    responseSchema: notificationListResponseSchema,
  });
}

export async function countUnreadNotifications(): Promise<number> {
  const { count } = await bffClient.request({ path: '/notifications/unread-count', responseSchema: unreadCountResponseSchema });
  return count;
}

export async function markNotificationRead(id: string): Promise<NotificationItem> {
  const { notification } = await bffClient.request({
    method: 'POST',
    path: `/notifications/${encodeURIComponent(id)}/read`,
    responseSchema: markReadResponseSchema,
  });
  return notification;
}

/** Answers how many messages changed from unread to read. */
export async function markAllNotificationsRead(): Promise<number> {
  const { updated } = await bffClient.request({ method: 'POST', path: '/notifications/read-all', responseSchema: markAllReadResponseSchema });
  return updated;
}

/** `POST /notifications/subscriptions`: what the resident chose in the subscribe prompt, per template. */
export function reportSubscriptionResults(results: Record<string, SubscribeResult>): Promise<SubscriptionsResponse> {
  const body = subscriptionResultsRequestSchema.parse({ results });
  return bffClient.request({ method: 'POST', path: '/notifications/subscriptions', body, responseSchema: subscriptionsResponseSchema });
}
