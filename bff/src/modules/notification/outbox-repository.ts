import { Prisma, type NotificationEvent, type PrismaClient } from '@govpocket/db';
import { inTransaction } from '../../platform/db/transaction';
import type { StoredPayload } from './payloads';

/**
 * OutboxEvent rows: written by producers in their transaction, claimed and finished by workers.
 *
 * A row's lock says who holds it and in which phase: `lockedBy = <claimer>` while it waits in a
 * worker's batch, `lockedBy = send:<claimer>` once the WeChat call may have started. A claim that
 * expires in the first phase is simply claimed again; one that expires in the second is abandoned
 * as uncertain (see claimDueOutboxEvents), so a message is never sent twice.
 */
export const sendingPrefix = 'send:';

export type ClaimedOutboxEvent = {
  id: string;
  eventType: NotificationEvent;
  userId: string | null;
  openid: string | null;
  isUserDeleted: boolean;
  payload: unknown;
  attempts: number;
};

export async function insertOutboxEvent(
  tx: Prisma.TransactionClient,
  input: { eventType: NotificationEvent; userId: string; payload: StoredPayload; dedupeKey: string },
): Promise<{ id: string; isCreated: boolean }> {
  const existing = await tx.outboxEvent.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
  if (existing) return { id: existing.id, isCreated: false };
  try {
    const created = await tx.outboxEvent.create({ data: input, select: { id: true } });
    return { id: created.id, isCreated: true };
  } catch (error) {
    // A concurrent producer won the race for this dedupeKey; MySQL keeps our transaction usable.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') throw error;
    // A locking read sees the winner's committed row, which our transaction's snapshot may predate.
    const [winner] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM OutboxEvent WHERE dedupeKey = ${input.dedupeKey} LOCK IN SHARE MODE`;
    if (!winner) throw error;
    return { id: winner.id, isCreated: false };
  }
}

type DueRow = { id: string; lockedBy: string | null };

/**
 * Takes up to `limit` due rows for `claimer` with SELECT … FOR UPDATE SKIP LOCKED, so concurrent
 * workers never wait on, or take, each other's rows. Rows whose send-phase lock expired are not
 * handed out: they are marked FAILED as uncertain in the same transaction.
 */
export async function claimDueOutboxEvents(
  prisma: PrismaClient,
  { claimer, limit, now, claimTtlMs }: { claimer: string; limit: number; now: Date; claimTtlMs: number },
): Promise<{ claimed: ClaimedOutboxEvent[]; abandonedIds: string[] }> {
  // READ COMMITTED and retried: concurrent claims can still deadlock on the (status, nextAttemptAt)
  // index, and MySQL then rolls one back; its retry simply takes the rows still due.
  const { claimedIds, abandonedIds } = await inTransaction(prisma, async (tx) => {
    const due = await tx.$queryRaw<DueRow[]>`
      SELECT id, lockedBy FROM OutboxEvent
      WHERE status = 'PENDING' AND nextAttemptAt <= ${now} AND (lockedUntil IS NULL OR lockedUntil < ${now})
      ORDER BY nextAttemptAt
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    const abandoned = due.filter((row) => row.lockedBy?.startsWith(sendingPrefix)).map((row) => row.id);
    const fresh = due.filter((row) => !row.lockedBy?.startsWith(sendingPrefix)).map((row) => row.id);
    if (abandoned.length > 0) {
      await tx.outboxEvent.updateMany({
        where: { id: { in: abandoned } },
        data: { status: 'FAILED', lockedBy: null, lockedUntil: null, lastError: 'UNCERTAIN: the worker stopped during the WeChat call; not resent, to send at most once' },
      });
    }
    if (fresh.length > 0) {
      await tx.outboxEvent.updateMany({ where: { id: { in: fresh } }, data: { lockedBy: claimer, lockedUntil: new Date(now.getTime() + claimTtlMs) } });
    }
    return { claimedIds: fresh, abandonedIds: abandoned };
  });
  if (claimedIds.length === 0) return { claimed: [], abandonedIds };
  const rows = await prisma.outboxEvent.findMany({
    where: { id: { in: claimedIds }, lockedBy: claimer },
    select: { id: true, eventType: true, userId: true, payload: true, attempts: true, user: { select: { openid: true, deletedAt: true } } },
    orderBy: { nextAttemptAt: 'asc' },
  });
  const claimed = rows.map((row) => ({
    id: row.id,
    eventType: row.eventType,
    userId: row.userId,
    openid: row.user?.openid ?? null,
    isUserDeleted: row.user?.deletedAt != null,
    payload: row.payload,
    attempts: row.attempts,
  }));
  return { claimed, abandonedIds };
}

export type SendGrant = 'QUOTA_USED' | 'LONG_TERM' | 'NO_QUOTA' | 'LOST_CLAIM';

class LostClaim extends Error {}

/**
 * One transaction before the WeChat call: use one acceptance of the resident's quota (unless the
 * template and their acceptance are long-term) and move the row into the send phase, fenced on our
 * claim. No acceptance left: the row is finished as SKIPPED (in-app only) instead.
 */
export async function beginSend(
  prisma: PrismaClient,
  input: { eventId: string; claimer: string; userId: string; templateId: string; isLongTermTemplate: boolean; now: Date; sendTtlMs: number },
): Promise<SendGrant> {
  const fence = { id: input.eventId, lockedBy: input.claimer, status: 'PENDING' as const };
  try {
    return await prisma.$transaction(async (tx) => {
      const quotaKey = { userId: input.userId, templateId: input.templateId };
      let grant: SendGrant = 'QUOTA_USED';
      const quota = input.isLongTermTemplate ? await tx.subscribeQuota.findUnique({ where: { userId_templateId: quotaKey }, select: { isLongTerm: true } }) : null;
      if (quota?.isLongTerm) grant = 'LONG_TERM';
      else {
        const used = await tx.subscribeQuota.updateMany({ where: { ...quotaKey, remaining: { gt: 0 } }, data: { remaining: { decrement: 1 } } });
        if (used.count === 0) {
          const skipped = await tx.outboxEvent.updateMany({
            where: fence,
            data: { status: 'SKIPPED', lockedBy: null, lockedUntil: null, lastError: 'NO_QUOTA: the resident has no acceptance of this template left; in-app only' },
          });
          return skipped.count === 1 ? 'NO_QUOTA' : 'LOST_CLAIM';
        }
      }
      const marked = await tx.outboxEvent.updateMany({
        where: fence,
        data: { lockedBy: `${sendingPrefix}${input.claimer}`, lockedUntil: new Date(input.now.getTime() + input.sendTtlMs), attempts: { increment: 1 } },
      });
      if (marked.count !== 1) throw new LostClaim();
      return grant;
    });
  } catch (error) {
    if (error instanceof LostClaim) return 'LOST_CLAIM';
    throw error;
  }
}

export type SendOutcome =
  | { status: 'SENT'; at: Date }
  | { status: 'SKIPPED' | 'FAILED'; errcode: number | null; error: string }
  | { status: 'PENDING'; nextAttemptAt: Date; errcode: number | null; error: string };

/** Finishes (or re-schedules) a row we hold, in either phase; false if the lock was no longer ours. */
export async function finishOutboxEvent(prisma: PrismaClient, { eventId, claimer, outcome }: { eventId: string; claimer: string; outcome: SendOutcome }): Promise<boolean> {
  const release = { lockedBy: null, lockedUntil: null };
  const data: Prisma.OutboxEventUpdateManyMutationInput =
    outcome.status === 'SENT'
      ? { ...release, status: 'SENT', sentAt: outcome.at, lastError: null, wechatErrcode: null }
      : outcome.status === 'PENDING'
        ? { ...release, status: 'PENDING', nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.error.slice(0, 1000), wechatErrcode: outcome.errcode }
        : { ...release, status: outcome.status, lastError: outcome.error.slice(0, 1000), wechatErrcode: outcome.errcode };
  const updated = await prisma.outboxEvent.updateMany({
    where: { id: eventId, status: 'PENDING', lockedBy: { in: [claimer, `${sendingPrefix}${claimer}`] } },
    data,
  });
  return updated.count === 1;
}

/** Hands back rows a stopping worker claimed but never started, so others take them at once. */
export async function releaseClaims(prisma: PrismaClient, claimer: string): Promise<number> {
  const released = await prisma.outboxEvent.updateMany({ where: { lockedBy: claimer, status: 'PENDING' }, data: { lockedBy: null, lockedUntil: null } });
  return released.count;
}
