import type { Prisma } from '@govpocket/db';
import type { Db } from './repository';
import { ownerId } from '../../platform/db/owner';

/** Bookings nobody checked in for, and the pauses that follow repeated no-shows. */
export async function listOverdueBookings(db: Db, { endedBefore, limit }: { endedBefore: Date; limit: number }) {
  return db.appointment.findMany({ where: { status: 'BOOKED', endsAt: { lte: endedBefore } }, select: { id: true, residentId: true }, orderBy: { endsAt: 'asc' }, take: limit });
}

export async function countNoShowsSince(tx: Prisma.TransactionClient, { residentId, since }: { residentId: string; since: Date }): Promise<number> {
  return tx.appointment.count({ where: { residentId: ownerId(residentId, 'residentId'), status: 'NO_SHOW', noShowAt: { gte: since } } });
}

export async function hasPauseCovering(tx: Prisma.TransactionClient, { userId, at }: { userId: string; at: Date }): Promise<boolean> {
  return (await tx.bookingPause.count({ where: { userId: ownerId(userId, 'userId'), liftedAt: null, pausedUntil: { gt: at } } })) > 0;
}

export async function insertPause(tx: Prisma.TransactionClient, data: { userId: string; reason: string; noShowCount: number; pausedFrom: Date; pausedUntil: Date }): Promise<string> {
  return (await tx.bookingPause.create({ data, select: { id: true } })).id;
}
