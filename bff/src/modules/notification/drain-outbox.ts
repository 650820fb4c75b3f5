import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { deliverOutboxEvent, type DeliveryDeps, type DeliveryResult } from './deliver-outbox-event';
import type { TemplateRegistrySource } from './load-template-registry';
import { claimDueOutboxEvents, releaseClaims } from './outbox-repository';

export type DrainSettings = {
  batchSize: number;
  /** Parallel WeChat calls within a batch. */
  concurrency: number;
  /** How long a claimed row waits in our batch before others may take it. */
  claimTtlMs: number;
  /** Stop claiming new batches after this long, leaving the rest to the next drain. */
  budgetMs: number;
};

export type DrainDeps = Omit<DeliveryDeps, 'registry'> & { registry: TemplateRegistrySource; drain: DrainSettings };

export type DrainReport = Record<DeliveryResult, number> & { abandoned: number };

const processTag = `${hostname().slice(0, 20)}-${process.pid}-${randomBytes(3).toString('hex')}`;
let drainCounter = 0;

/** A claimer id unique to one drain run (≤ 48 chars, so `send:` + it fits lockedBy). */
export function newClaimer(): string {
  drainCounter += 1;
  return `${processTag}-${drainCounter}`.slice(-48);
}

async function eachWithConcurrency<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await run(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * Claims due outbox rows batch by batch and delivers them, until none are due, the budget is
 * spent or `signal` aborts (shutdown: rows already in flight finish, claimed ones go back).
 * Safe to run in any number of processes at once.
 */
export async function drainOutbox(deps: DrainDeps, { signal }: { signal?: AbortSignal } = {}): Promise<DrainReport> {
  const now = deps.now ?? (() => new Date());
  const claimer = newClaimer();
  const report: DrainReport = { SENT: 0, SKIPPED: 0, FAILED: 0, PENDING: 0, LOST_CLAIM: 0, abandoned: 0 };
  const deadline = Date.now() + deps.drain.budgetMs;
  const registry = await deps.registry.get();
  try {
    while (!signal?.aborted && Date.now() < deadline) {
      const batch = await claimDueOutboxEvents(deps.prisma, { claimer, limit: deps.drain.batchSize, now: now(), claimTtlMs: deps.drain.claimTtlMs });
      report.abandoned += batch.abandonedIds.length;
      if (batch.abandonedIds.length > 0) deps.logger.warn({ count: batch.abandonedIds.length }, 'outbox rows abandoned mid-send by a stopped worker marked FAILED (uncertain)');
      if (batch.claimed.length === 0) break;
      await eachWithConcurrency(batch.claimed, deps.drain.concurrency, async (event) => {
        if (signal?.aborted) return;
        try {
          report[await deliverOutboxEvent({ ...deps, registry }, { event, claimer })] += 1;
        } catch (error) {
          // Our database failed us mid-row: the row keeps its lock and is claimed again (or, if it
          // was in its send phase, abandoned as uncertain) once the lock expires.
          deps.logger.error({ err: error, outboxEventId: event.id }, 'outbox row could not be processed');
        }
      });
    }
  } finally {
    await releaseClaims(deps.prisma, claimer).catch((error: unknown) => deps.logger.error({ err: error }, 'could not release outbox claims'));
  }
  return report;
}
