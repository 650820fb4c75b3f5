import { z } from 'zod';
import { notificationEventSchema } from '../enums';

/**
 * The in-app message centre (消息中心) and subscribe-message acceptances. The BFF validates with
 * these schemas and parses its answers through them; the mini-program types its client from them.
 */

/** Offset paging, bounded: the list is a resident's own inbox, newest first. */
export const notificationPageSizeMax = 50;
export const notificationPageMax = 200;

export const notificationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(notificationPageMax).default(1),
  pageSize: z.coerce.number().int().min(1).max(notificationPageSizeMax).default(20),
  /** Only unread messages (the index serves this one in order, without sorting). */
  unreadOnly: z
    .enum(['true', 'false', '1', '0'])
    .transform((value) => value === 'true' || value === '1')
    .default(false),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationItemSchema = z.object({
  id: z.string(),
  eventType: notificationEventSchema.nullable(),
  title: z.string(),
  body: z.string(),
  /** A mini-program page to open, e.g. `booking/detail/index?id=…` (see pageLinks); null when there is none. */
  link: z.string().nullable(),
  isRead: z.boolean(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type NotificationItem = z.infer<typeof notificationItemSchema>;

export const notificationListResponseSchema = z.object({
  items: z.array(notificationItemSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type NotificationListResponse = z.infer<typeof notificationListResponseSchema>;

export const unreadCountResponseSchema = z.object({ count: z.number().int().min(0) });
export type UnreadCountResponse = z.infer<typeof unreadCountResponseSchema>;

export const markReadResponseSchema = z.object({ notification: notificationItemSchema });
export type MarkReadResponse = z.infer<typeof markReadResponseSchema>;

export const markAllReadResponseSchema = z.object({ updated: z.number().int().min(0) });
export type MarkAllReadResponse = z.infer<typeof markAllReadResponseSchema>;

/** What `wx.requestSubscribeMessage` answers per template id. */
export const subscribeResultSchema = z.enum(['accept', 'reject', 'ban', 'filter']);
export type SubscribeResult = z.infer<typeof subscribeResultSchema>;

/** POST /notifications/subscriptions: the mini-program reports the user's choices right after asking. */
export const subscriptionResultsRequestSchema = z.object({
  results: z
    .record(z.string().min(1).max(64), subscribeResultSchema)
    .refine((results) => Object.keys(results).length >= 1 && Object.keys(results).length <= 10, { message: '需要 1 到 10 个模板的选择结果' }),
});
export type SubscriptionResultsRequest = z.infer<typeof subscriptionResultsRequestSchema>;

export const subscriptionStateSchema = z.object({
  templateId: z.string(),
  /** One-time acceptances not yet used: each subscribe message uses one. */
  remaining: z.number().int().min(0),
  isLongTerm: z.boolean(),
});
export type SubscriptionState = z.infer<typeof subscriptionStateSchema>;

export const subscribeTemplateSchema = z.object({
  templateId: z.string(),
  isLongTerm: z.boolean(),
  /** The events this template carries, so the client knows which ids to ask for before an action. */
  events: z.array(notificationEventSchema),
});
export type SubscribeTemplate = z.infer<typeof subscribeTemplateSchema>;

export const subscriptionsResponseSchema = z.object({
  templates: z.array(subscribeTemplateSchema),
  subscriptions: z.array(subscriptionStateSchema),
});
export type SubscriptionsResponse = z.infer<typeof subscriptionsResponseSchema>;
