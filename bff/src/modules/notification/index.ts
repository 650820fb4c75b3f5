/** The notification module's public face: producers enqueue, the worker delivers, routes serve the message centre. */
export { enqueueNotification, type EnqueueNotificationInput } from './enqueue-notification';
export type { NotificationPayloads } from './payloads';
export { renderInAppMessage } from './in-app-renderer';
export { formatFieldValue, formatChineseDateTime, formatChineseDate, formatYuan } from './field-format';
export { createTemplateRegistry, defaultTemplates, type SubscribeTemplate } from './template-registry';
export { drainOutbox, type DrainReport } from './drain-outbox';
export { startNotificationWorker, outboxDrainJobName, type NotificationWorkerOptions, type RunningNotificationWorker } from './notification-worker';
export { registerScheduledJobs, type ScheduledJob, type ScheduledJobContext } from './scheduled-jobs';
export { notificationRoutes } from './routes';
