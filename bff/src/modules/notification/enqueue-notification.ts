import type { NotificationEvent, Prisma } from '@govpocket/db';
import { renderInAppMessage } from './in-app-renderer';
import { insertMessage } from './message-repository';
import { insertOutboxEvent } from './outbox-repository';
import { toStoredPayload, type NotificationPayloads } from './payloads';

export type EnqueueNotificationInput<E extends NotificationEvent> = {
  userId: string;
  event: E;
  payload: NotificationPayloads[E];
  /** Makes the producer idempotent, e.g. `BOOKING_REMINDER:<appointmentId>:D-1`; ≤ 191 characters. */
  dedupeKey: string;
};

/**
 * Call inside the transaction of the state change that must notify: the notification exists if
 * and only if the change commits. Writes
 * - the in-app message (Notification) right here, so the message centre has it exactly once, as
 *   part of the same commit, with no worker involved;
 * - the OutboxEvent the worker turns into a WeChat subscribe message (at most once).
 * A second call with the same dedupeKey changes nothing and reports `isCreated: false`.
 */
export async function enqueueNotification<E extends NotificationEvent>(
  tx: Prisma.TransactionClient,
  { userId, event, payload, dedupeKey }: EnqueueNotificationInput<E>,
): Promise<{ outboxEventId: string; isCreated: boolean }> {
  const outbox = await insertOutboxEvent(tx, { eventType: event, userId, payload: toStoredPayload(payload), dedupeKey });
  if (outbox.isCreated) {
    const message = renderInAppMessage(event, payload);
    await insertMessage(tx, { userId, outboxEventId: outbox.id, eventType: event, ...message });
  }
  return { outboxEventId: outbox.id, isCreated: outbox.isCreated };
}
