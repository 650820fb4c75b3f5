import type { Prisma } from '@govpocket/db';
import type { Db } from './repository';

/** The fields a resident-side change (cancel, reschedule) needs about one appointment. */
export async function findChangeable(db: Db, { id, residentId }: { id: string; residentId?: string }) {
  return db.appointment.findFirst({
    where: { id, ...(residentId ? { residentId } : {}) },
    select: {
      id: true, residentId: true, itemId: true, hallId: true, slotId: true, status: true, date: true, startsAt: true, checkInCode: true,
      item: { select: { name: true } }, hall: { select: { name: true } },
    },
  });
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
