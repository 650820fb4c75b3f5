import type { FakeContext } from './fake-context';
import { newNotificationId } from './identifiers';
import type { DeliveryRecord } from './state';

export type DeliveryRequest = Pick<DeliveryRecord, 'kind' | 'subject' | 'eventType' | 'url' | 'body'> & {
  /** Built per attempt, so that every retry carries a fresh timestamp and signature. */
  headersFor(): Record<string, string>;
  /** Query string of an attempt (message-push signatures), without the `?`; WeChat sends one push's signed query unchanged on every retry. */
  queryFor?(): string;
  retryDelaysMs: readonly number[];
  isAcknowledged(status: number): boolean;
};

/** WeChat gives up on an attempt after 5 s and counts it as failed. */
const attemptTimeoutMs = 5000;

/** Pushes a body to a URL like WeChat does: in the background, retrying on the given schedule. */
export function startDelivery(fake: FakeContext, request: DeliveryRequest): DeliveryRecord {
  const record: DeliveryRecord = {
    id: newNotificationId(),
    kind: request.kind,
    subject: request.subject,
    eventType: request.eventType,
    url: request.url,
    body: request.body,
    attempts: [],
    status: 'pending',
  };
  fake.state.deliveries.push(record);

  const attempt = async (shutdown: AbortSignal): Promise<void> => {
    const query = request.queryFor?.();
    const target = query ? `${request.url}${request.url.includes('?') ? '&' : '?'}${query}` : request.url;
    const at = fake.clock.now();
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...request.headersFor() },
        body: request.body,
        signal: AbortSignal.any([shutdown, AbortSignal.timeout(attemptTimeoutMs)]),
      });
      await response.arrayBuffer();
      record.attempts.push({ at, status: response.status });
      if (request.isAcknowledged(response.status)) {
        record.status = 'acknowledged';
        return;
      }
    } catch (error) {
      if (shutdown.aborted) return;
      record.attempts.push({ at, error: error instanceof Error ? error.message : String(error) });
    }
    const delay = request.retryDelaysMs[record.attempts.length - 1];
    if (delay === undefined) {
      record.status = 'failed';
      return;
    }
    fake.scheduler.after(delay, attempt);
  };

  fake.scheduler.after(0, attempt);
  return record;
}
