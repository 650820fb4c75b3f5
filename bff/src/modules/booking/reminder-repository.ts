import type { Db } from './repository';

/**
 * Bookings still to remind: those of one day (the evening before) or starting within a window,
 * minus the ones whose reminder (by its dedupe key) is already in the outbox, so a job that runs
 * every minute reads only what is left to send.
 */
const reminderSelect = { id: true, residentId: true, slotId: true, startsAt: true, item: { select: { name: true } }, hall: { select: { name: true } } } as const;

export type ReminderTarget = { id: string; residentId: string; slotId: string; startsAt: Date; item: { name: string }; hall: { name: string } };

export async function listUnremindedOn(db: Db, { date, tag }: { date: Date; tag: string }): Promise<ReminderTarget[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT a.id FROM Appointment a
    WHERE a.status = 'BOOKED' AND a.date = ${date}
      AND NOT EXISTS (SELECT 1 FROM OutboxEvent o WHERE o.dedupeKey = CONCAT('BOOKING_REMINDER:', a.id, ':', a.slotId, ':', ${tag}))
    LIMIT 5000`;
  return withDetails(db, rows);
}

export async function listUnremindedStartingBetween(db: Db, { from, to, tag }: { from: Date; to: Date; tag: string }): Promise<ReminderTarget[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT a.id FROM Appointment a
    WHERE a.status = 'BOOKED' AND a.startsAt > ${from} AND a.startsAt <= ${to}
      AND NOT EXISTS (SELECT 1 FROM OutboxEvent o WHERE o.dedupeKey = CONCAT('BOOKING_REMINDER:', a.id, ':', a.slotId, ':', ${tag}))
    LIMIT 5000`;
  return withDetails(db, rows);
}

async function withDetails(db: Db, rows: Array<{ id: string }>): Promise<ReminderTarget[]> {
  if (rows.length === 0) return [];
  return db.appointment.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: reminderSelect });
}

/** Per slot: a rescheduled booking is reminded again for its new time, each reminder once. */
export function reminderDedupeKey({ appointmentId, slotId, tag }: { appointmentId: string; slotId: string; tag: string }): string {
  return `BOOKING_REMINDER:${appointmentId}:${slotId}:${tag}`;
}
