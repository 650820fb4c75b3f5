import type { NotificationEvent, Prisma, PrismaClient } from '@govpocket/db';
import { ownerId } from '../../platform/db/owner';

/**
 * Notification rows: the in-app message centre. Every query is scoped by userId first, so it
 * runs on the (userId, readAt, createdAt) index and touches one resident's rows, however large the
 * table grows.
 */
export type MessageRow = { id: string; eventType: NotificationEvent | null; title: string; body: string; link: string | null; readAt: Date | null; createdAt: Date };

const messageSelect = { id: true, eventType: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

export async function insertMessage(
  tx: Prisma.TransactionClient,
  input: { userId: string; outboxEventId: string; eventType: NotificationEvent; title: string; body: string; link: string | null },
): Promise<{ id: string }> {
  return tx.notification.create({ data: input, select: { id: true } });
}

export async function findMessagePage(
  prisma: PrismaClient,
  { userId, skip, take, unreadOnly }: { userId: string; skip: number; take: number; unreadOnly: boolean },
): Promise<{ rows: MessageRow[]; total: number }> {
  const owner = ownerId(userId, 'userId');
  const where: Prisma.NotificationWhereInput = unreadOnly ? { userId: owner, readAt: null } : { userId: owner };
  const [rows, total] = await Promise.all([
    prisma.notification.findMany({ where, select: messageSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip, take }),
    prisma.notification.count({ where }),
  ]);
  return { rows, total };
}

export async function countUnreadMessages(prisma: PrismaClient, userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId: ownerId(userId, 'userId'), readAt: null } });
}

export async function findOwnMessage(prisma: PrismaClient, { id, userId }: { id: string; userId: string }): Promise<MessageRow | null> {
  return prisma.notification.findFirst({ where: { id, userId: ownerId(userId, 'userId') }, select: messageSelect });
}

export async function markMessageRead(prisma: PrismaClient, { id, userId, at }: { id: string; userId: string; at: Date }): Promise<void> {
  await prisma.notification.updateMany({ where: { id, userId: ownerId(userId, 'userId'), readAt: null }, data: { readAt: at } });
}

export async function markAllMessagesRead(prisma: PrismaClient, { userId, at }: { userId: string; at: Date }): Promise<number> {
  const updated = await prisma.notification.updateMany({ where: { userId: ownerId(userId, 'userId'), readAt: null }, data: { readAt: at } });
  return updated.count;
}
