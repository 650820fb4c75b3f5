import { randomUUID } from 'node:crypto';
import type { Prisma } from '@govpocket/db';
import type { Db } from './repository';

/** The hall's side of appointments: the day's list, the queue, windows. */
export const staffAppointmentSelect = {
  id: true, status: true, slotId: true, residentId: true, itemId: true, hallId: true, date: true, startsAt: true, endsAt: true, queueNumber: true, checkedInAt: true, checkInCode: true,
  slot: { select: { startTime: true, endTime: true } },
  item: { select: { id: true, code: true, name: true } },
  hall: { select: { name: true } },
  resident: { select: { phoneEncrypted: true } },
  calledWindow: { select: { id: true, code: true, name: true } },
  _count: { select: { preReviewFiles: { where: { status: 'PENDING' } } } },
} satisfies Prisma.AppointmentSelect;
export type StaffAppointmentRow = Prisma.AppointmentGetPayload<{ select: typeof staffAppointmentSelect }>;

export async function findHallAppointment(db: Db, { id, hallId }: { id: string; hallId: string }): Promise<StaffAppointmentRow | null> {
  return db.appointment.findFirst({ where: { id, hallId }, select: staffAppointmentSelect });
}

export async function findByCheckInCode(db: Db, { hallId, date, code }: { hallId: string; date: Date; code: string }): Promise<StaffAppointmentRow | null> {
  return db.appointment.findFirst({ where: { hallId, date, checkInCode: code }, select: staffAppointmentSelect, orderBy: { createdAt: 'desc' } });
}

export async function listHallDay(db: Db, { hallId, date }: { hallId: string; date: Date }) {
  return db.slot.findMany({
    where: { hallId, date },
    select: {
      id: true, startTime: true, endTime: true, itemGroup: true, capacity: true, bookedCount: true, isClosed: true,
      appointments: { select: staffAppointmentSelect, orderBy: { createdAt: 'asc' } },
    },
    orderBy: [{ startsAt: 'asc' }, { itemGroup: 'asc' }],
  });
}

export async function listHallWindows(db: Db, hallId: string) {
  return db.serviceWindow.findMany({ where: { hallId }, select: { id: true, code: true, name: true, isActive: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] });
}

export async function findHallWindow(db: Db, { id, hallId }: { id: string; hallId: string }) {
  return db.serviceWindow.findFirst({ where: { id, hallId }, select: { id: true, code: true, name: true, isActive: true } });
}

export async function findQueuePrefix(db: Db, { itemId, hallId }: { itemId: string; hallId: string }): Promise<string> {
  return (await db.serviceItemHall.findUnique({ where: { itemId_hallId: { itemId, hallId } }, select: { queuePrefix: true } }))?.queuePrefix ?? 'A';
}

/** Next number of a hall's queue for the day; the counter row stays locked until commit. */
export async function nextQueueNumber(tx: Prisma.TransactionClient, { hallId, date, prefix }: { hallId: string; date: Date; prefix: string }): Promise<number> {
  const id = randomUUID().replace(/-/g, '');
  await tx.$executeRaw`INSERT INTO QueueCounter (id, hallId, date, prefix, lastNumber, updatedAt) VALUES (${id}, ${hallId}, ${date}, ${prefix}, 1, NOW(3))
    ON DUPLICATE KEY UPDATE lastNumber = lastNumber + 1, updatedAt = NOW(3)`;
  const rows = await tx.$queryRaw<Array<{ lastNumber: number | bigint }>>`SELECT lastNumber FROM QueueCounter WHERE hallId = ${hallId} AND date = ${date} AND prefix = ${prefix}`;
  return Number(rows[0]?.lastNumber ?? 1);
}

/** The longest-waiting checked-in appointment this window serves, locked (others skip it). */
export async function lockNextWaiting(tx: Prisma.TransactionClient, { hallId, date, windowId }: { hallId: string; date: Date; windowId: string }): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT a.id FROM Appointment a
    WHERE a.hallId = ${hallId} AND a.date = ${date} AND a.status = 'CHECKED_IN'
      AND a.itemId IN (SELECT w.itemId FROM ServiceWindowItem w WHERE w.windowId = ${windowId})
    ORDER BY a.checkedInAt ASC, LENGTH(a.queueNumber) ASC, a.queueNumber ASC
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  return rows[0]?.id ?? null;
}

export async function setAppointmentQueueNumber(tx: Prisma.TransactionClient, { id, queueNumber }: { id: string; queueNumber: string }): Promise<void> {
  await tx.appointment.update({ where: { id }, data: { queueNumber } });
}

export async function countWaiting(db: Db, { hallId, date }: { hallId: string; date: Date }): Promise<number> {
  return db.appointment.count({ where: { hallId, date, status: 'CHECKED_IN' } });
}

export type TripStatRow = { code: string; name: string; promisedTrips: number | bigint; cases: number | bigint; averageTrips: number | string | null; overPromise: number | string | bigint | null };

export async function tripStats(db: Db, hallId: string): Promise<TripStatRow[]> {
  return db.$queryRaw<TripStatRow[]>`
    SELECT i.code AS code, i.name AS name, i.onSiteTrips AS promisedTrips, COUNT(*) AS cases,
           AVG(a.actualTrips) AS averageTrips, SUM(CASE WHEN a.actualTrips > a.promisedTrips THEN 1 ELSE 0 END) AS overPromise
    FROM Appointment a JOIN ServiceItem i ON i.id = a.itemId
    WHERE a.hallId = ${hallId} AND a.status = 'COMPLETED' AND a.actualTrips IS NOT NULL
    GROUP BY i.id, i.code, i.name, i.onSiteTrips
    ORDER BY cases DESC`;
}
