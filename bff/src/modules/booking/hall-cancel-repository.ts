import type { Prisma } from '@govpocket/db';
import type { Db } from './repository';

/** What a hall-side cancellation touches: the active bookings of one appointment, slot or day. */
export async function listCancellable(db: Db, where: { hallId: string; id?: string; slotId?: string; date?: Date }) {
  return db.appointment.findMany({
    where: { ...where, status: { in: ['BOOKED', 'CHECKED_IN'] } },
    select: { id: true, residentId: true, itemId: true, slotId: true, startsAt: true, item: { select: { name: true } }, hall: { select: { name: true } } },
  });
}

export async function closeSlots(tx: Prisma.TransactionClient, where: { hallId: string; slotId?: string; date?: Date }): Promise<number> {
  const changed = await tx.slot.updateMany({ where: { hallId: where.hallId, ...(where.slotId ? { id: where.slotId } : {}), ...(where.date ? { date: where.date } : {}) }, data: { isClosed: true } });
  return changed.count;
}

export async function findHallSlot(db: Db, { id, hallId }: { id: string; hallId: string }) {
  return db.slot.findFirst({ where: { id, hallId }, select: { id: true } });
}

export async function findHallAppointmentStatus(db: Db, { id, hallId }: { id: string; hallId: string }) {
  return db.appointment.findFirst({ where: { id, hallId }, select: { status: true } });
}
