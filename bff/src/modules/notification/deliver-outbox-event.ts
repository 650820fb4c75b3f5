import type { PrismaClient } from '@govpocket/db';
import type { Logger } from '../../platform/logger';
import type { MiniProgramApi } from '../wechat/mini-program-api';
import { beginSend, finishOutboxEvent, type ClaimedOutboxEvent, type SendOutcome } from './outbox-repository';
import { readStoredPayload } from './payloads';
import { clearQuota, refundQuota } from './quota-repository';
import { classifyDeliveryError, retryDelayMs, type BackoffSettings } from './retry-policy';
import { buildPage, buildSubscribeData, TemplateDataError, type TemplateRegistry } from './template-registry';

export type DeliverySettings = {
  maxAttempts: number;
  backoff: BackoffSettings;
  /** How long a row may stay in its send phase before another worker treats it as uncertain. */
  sendTtlMs: number;
  miniprogramState: 'developer' | 'trial' | 'formal';
};

export type DeliveryDeps = {
  prisma: PrismaClient;
  miniProgram: MiniProgramApi;
  logger: Logger;
  registry: TemplateRegistry;
  settings: DeliverySettings;
  now?: () => Date;
};

export type DeliveryResult = SendOutcome['status'] | 'LOST_CLAIM';

/**
 * Turns one claimed outbox row into a WeChat subscribe message, or into the reason it is in-app
 * only. The in-app message was written when the event was enqueued, so nothing here can lose or
 * duplicate it. At most once: the quota use and the move into the send phase commit before WeChat
 * is called; only a failure that certainly left WeChat untouched is retried.
 */
export async function deliverOutboxEvent(deps: DeliveryDeps, { event, claimer }: { event: ClaimedOutboxEvent; claimer: string }): Promise<DeliveryResult> {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ outboxEventId: event.id, eventType: event.eventType });
  const finish = async (outcome: SendOutcome): Promise<DeliveryResult> => {
    const isOurs = await finishOutboxEvent(deps.prisma, { eventId: event.id, claimer, outcome });
    if (!isOurs) {
      log.warn({ status: outcome.status }, 'outbox row was no longer ours when finishing it');
      return 'LOST_CLAIM';
    }
    return outcome.status;
  };

  const template = deps.registry.forEvent(event.eventType);
  if (!template) return finish({ status: 'SKIPPED', errcode: null, error: 'NO_TEMPLATE: no subscribe-message template for this event; in-app only' });
  if (!event.userId || !event.openid || event.isUserDeleted) return finish({ status: 'SKIPPED', errcode: null, error: 'NO_RECIPIENT: the user is gone; nothing to send' });

  const payload = readStoredPayload(event.payload);
  let data: Record<string, string>;
  try {
    data = buildSubscribeData(template, payload);
  } catch (error) {
    if (error instanceof TemplateDataError) return finish({ status: 'FAILED', errcode: null, error: `BAD_PAYLOAD: ${error.message}` });
    throw error;
  }

  const quotaKey = { userId: event.userId, templateId: template.templateId };
  const grant = await beginSend(deps.prisma, { eventId: event.id, claimer, ...quotaKey, isLongTermTemplate: template.isLongTerm, now: now(), sendTtlMs: deps.settings.sendTtlMs });
  if (grant === 'LOST_CLAIM') return 'LOST_CLAIM';
  if (grant === 'NO_QUOTA') return 'SKIPPED';
  const attempt = event.attempts + 1;

  try {
    await deps.miniProgram.sendSubscribeMessage({ openid: event.openid, templateId: template.templateId, page: buildPage(template, payload), data, state: deps.settings.miniprogramState });
  } catch (error) {
    const failure = classifyDeliveryError(error);
    log.warn({ kind: failure.kind, errcode: failure.errcode, attempt, err: failure.message }, 'subscribe message not delivered');
    // A used acceptance goes back unless WeChat may have used it (uncertain) or never had it (43101).
    if (grant === 'QUOTA_USED' && (failure.kind === 'retry' || failure.kind === 'permanent')) await refundQuota(deps.prisma, quotaKey);
    switch (failure.kind) {
      case 'not-subscribed':
        await clearQuota(deps.prisma, { ...quotaKey, at: now() });
        return finish({ status: 'SKIPPED', errcode: failure.errcode, error: `NOT_SUBSCRIBED: ${failure.message}` });
      case 'uncertain':
        return finish({ status: 'FAILED', errcode: null, error: `UNCERTAIN: ${failure.message}; not resent, to send at most once` });
      case 'permanent':
        return finish({ status: 'FAILED', errcode: failure.errcode, error: failure.message });
      case 'retry': {
        if (attempt >= deps.settings.maxAttempts) return finish({ status: 'FAILED', errcode: failure.errcode, error: `GAVE_UP after ${attempt} attempts: ${failure.message}` });
        const nextAttemptAt = new Date(now().getTime() + retryDelayMs(attempt, deps.settings.backoff));
        return finish({ status: 'PENDING', nextAttemptAt, errcode: failure.errcode, error: failure.message });
      }
    }
  }
  return finish({ status: 'SENT', at: now() });
}
