import type { PrismaClient } from '@govpocket/db';
import { ownerId } from '../../platform/db/owner';

/**
 * SubscribeQuota rows: how many one-time acceptances of a template a resident has left, and
 * whether they accepted it long-term. Using one happens in beginSend (outbox-repository), in the
 * same transaction that moves the outbox row into its send phase.
 */
export type QuotaState = { templateId: string; remaining: number; isLongTerm: boolean };

const stateSelect = { templateId: true, remaining: true, isLongTerm: true } as const;

/** Each accept adds one send (long-term templates: unlimited); a reject only records when. */
export async function recordSubscribeChoices(
  prisma: PrismaClient,
  { userId, accepted, rejected, at }: { userId: string; accepted: Array<{ templateId: string; isLongTerm: boolean }>; rejected: string[]; at: Date },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const { templateId, isLongTerm } of accepted) {
      await tx.subscribeQuota.upsert({
        where: { userId_templateId: { userId, templateId } },
        create: { userId, templateId, remaining: isLongTerm ? 0 : 1, isLongTerm, lastAcceptedAt: at },
        update: isLongTerm ? { isLongTerm: true, lastAcceptedAt: at } : { remaining: { increment: 1 }, lastAcceptedAt: at },
      });
    }
    if (rejected.length > 0) {
      await tx.subscribeQuota.updateMany({ where: { userId: ownerId(userId, 'userId'), templateId: { in: rejected } }, data: { lastRejectedAt: at } });
    }
  });
}

export async function findQuotaStates(prisma: PrismaClient, userId: string): Promise<QuotaState[]> {
  return prisma.subscribeQuota.findMany({ where: { userId: ownerId(userId, 'userId') }, select: stateSelect, orderBy: { templateId: 'asc' } });
}

/** Gives back an acceptance used by a send that WeChat certainly did not deliver. */
export async function refundQuota(prisma: PrismaClient, { userId, templateId }: { userId: string; templateId: string }): Promise<void> {
  await prisma.subscribeQuota.updateMany({ where: { userId: ownerId(userId, 'userId'), templateId, isLongTerm: false }, data: { remaining: { increment: 1 } } });
}

/** WeChat says the resident has not accepted (43101): whatever we counted is gone. */
export async function clearQuota(prisma: PrismaClient, { userId, templateId, at }: { userId: string; templateId: string; at: Date }): Promise<void> {
  await prisma.subscribeQuota.updateMany({ where: { userId: ownerId(userId, 'userId'), templateId }, data: { remaining: 0, isLongTerm: false, lastRejectedAt: at } });
}
