import type { Prisma } from '@govpocket/db';
import type { Db } from './repository';
import { ownerId } from '../../platform/db/owner';

const changeableSelect = {
  id: true, residentId: true, itemId: true, hallId: true, slotId: true, status: true, date: true, startsAt: true, checkInCode: true,
  item: { select: { name: true } }, hall: { select: { name: true } },
} satisfies Prisma.AppointmentSelect;

/** The fields a resident-side change (cancel, reschedule) needs about one of the resident's appointments. */
export async function findChangeable(db: Db, { id, residentId }: { id: string; residentId: string }) {
  return db.appointment.findFirst({ where: { id, residentId: ownerId(residentId, 'residentId') }, select: changeableSelect });
}

/** The same fields for a hall-side change: the appointment must be at this hall. */
export async function findChangeableInHall(db: Db, { id, hallId }: { id: string; hallId: string }) {
  return db.appointment.findFirst({ where: { id, hallId: ownerId(hallId, 'hallId') }, select: changeableSelect });
}
export type ChangeableAppointment = NonNullable<Awaited<ReturnType<typeof findChangeable>>>;

/** Moves a booking to another slot; the one-per-day key follows the new day. */
export async function moveAppointmentSlot(
  tx: Prisma.TransactionClient,
  { id, slot, activeDayKey, checkInCode }: { id: string; slot: { id: string; hallId: string; date: Date; startsAt: Date; endsAt: Date }; activeDayKey: string; checkInCode: string },
): Promise<void> {
  await tx.appointment.update({
    where: { id },
    data: { slotId: slot.id, hallId: slot.hallId, date: slot.date, startsAt: slot.startsAt, endsAt: slot.endsAt, activeDayKey, checkInCode },
  });
}
