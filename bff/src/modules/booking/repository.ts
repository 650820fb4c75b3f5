import type { Prisma, PrismaClient } from '@govpocket/db';
import { ownerId } from '../../platform/db/owner';

/** Booking reads and writes on the resident side; services pass the client or their transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

export const activeStatuses = ['BOOKED', 'CHECKED_IN', 'CALLED', 'SERVING'] as const;

export async function findBookableItem(db: Db, code: string) {
  return db.serviceItem.findFirst({
    where: { code, status: 'PUBLISHED' },
    select: { id: true, code: true, name: true, currentVersion: true, onSiteTrips: true, promisedDays: true, isAppointmentEnabled: true, materials: { select: { id: true, name: true } } },
  });
}
export type BookableItem = NonNullable<Awaited<ReturnType<typeof findBookableItem>>>;

export async function listItemHalls(db: Db, itemId: string) {
  const rows = await db.serviceItemHall.findMany({
    where: { itemId, hall: { isActive: true } },
    select: { itemGroup: true, hall: { select: { id: true, name: true, address: true, hours: true, phone: true, latitude: true, longitude: true, sortOrder: true } } },
  });
  return rows.sort((a, b) => a.hall.sortOrder - b.hall.sortOrder);
}

export async function findItemHall(db: Db, { itemId, hallId }: { itemId: string; hallId: string }) {
  return db.serviceItemHall.findUnique({
    where: { itemId_hallId: { itemId, hallId } },
    select: { itemGroup: true, queuePrefix: true, hall: { select: { id: true, name: true, isActive: true } } },
  });
}

const slotSelect = { id: true, hallId: true, date: true, startTime: true, endTime: true, startsAt: true, endsAt: true, itemGroup: true, capacity: true, bookedCount: true, isClosed: true } as const;
export type SlotRow = Prisma.SlotGetPayload<{ select: typeof slotSelect }>;

export async function listSlots(db: Db, { hallId, itemGroup, dates }: { hallId: string; itemGroup: string; dates: Date[] }): Promise<SlotRow[]> {
  return db.slot.findMany({ where: { hallId, itemGroup, date: { in: dates } }, select: slotSelect, orderBy: [{ date: 'asc' }, { startsAt: 'asc' }] });
}

export async function findSlot(db: Db, slotId: string): Promise<SlotRow | null> {
  return db.slot.findUnique({ where: { id: slotId }, select: slotSelect });
}

/** The members of a slot's seat set: every booking that still takes a seat. */
export async function listSeatHolders(db: Db, slotId: string): Promise<Array<{ residentId: string; itemId: string }>> {
  return db.appointment.findMany({ where: { slotId, status: { not: 'CANCELLED' } }, select: { residentId: true, itemId: true } });
}

export async function findActivePause(db: Db, { userId, now }: { userId: string; now: Date }) {
  return db.bookingPause.findFirst({
    where: { userId: ownerId(userId, 'userId'), liftedAt: null, pausedFrom: { lte: now }, pausedUntil: { gt: now } },
    select: { reason: true, pausedUntil: true, noShowCount: true },
    orderBy: { pausedUntil: 'desc' },
  });
}

export async function countActiveBookings(db: Db, residentId: string): Promise<number> {
  return db.appointment.count({ where: { residentId: ownerId(residentId, 'residentId'), activeSeat: { not: null } } });
}

export async function isDayKeyTaken(db: Db, key: string): Promise<boolean> {
  return (await db.appointment.count({ where: { activeDayKey: key } })) > 0;
}

export async function findAppointmentIdByKey(db: Db, { residentId, idempotencyKey }: { residentId: string; idempotencyKey: string }): Promise<string | null> {
  return (await db.appointment.findUnique({ where: { residentId_idempotencyKey: { residentId, idempotencyKey } }, select: { id: true } }))?.id ?? null;
}

// ─── inside the booking transaction ───

/** The source of truth for capacity: takes a seat only while one is free. */
export async function takeSeat(tx: Prisma.TransactionClient, slotId: string): Promise<boolean> {
  const changed = await tx.$executeRaw`UPDATE Slot SET bookedCount = bookedCount + 1, updatedAt = NOW(3) WHERE id = ${slotId} AND bookedCount < capacity AND isClosed = false`;
  return changed === 1;
}

export async function giveBackSeat(tx: Prisma.TransactionClient, slotId: string): Promise<void> {
  await tx.$executeRaw`UPDATE Slot SET bookedCount = bookedCount - 1, updatedAt = NOW(3) WHERE id = ${slotId} AND bookedCount > 0`;
}

export async function activeSeatsOf(tx: Prisma.TransactionClient, residentId: string): Promise<number[]> {
  const rows = await tx.appointment.findMany({ where: { residentId: ownerId(residentId, 'residentId'), activeSeat: { not: null } }, select: { activeSeat: true } });
  return rows.flatMap((row) => (row.activeSeat === null ? [] : [row.activeSeat]));
}

export async function insertAppointment(tx: Prisma.TransactionClient, data: Prisma.AppointmentUncheckedCreateInput): Promise<string> {
  return (await tx.appointment.create({ data, select: { id: true } })).id;
}

export type NewAppointmentEvent = {
  appointmentId: string;
  fromStatus: Prisma.AppointmentEventUncheckedCreateInput['fromStatus'];
  toStatus: Prisma.AppointmentEventUncheckedCreateInput['toStatus'];
  actorType: 'RESIDENT' | 'STAFF' | 'SYSTEM';
  actorUserId: string | null;
  reason?: string;
  data?: Prisma.InputJsonValue;
};

export async function appendAppointmentEvent(tx: Prisma.TransactionClient, event: NewAppointmentEvent): Promise<void> {
  await tx.appointmentEvent.create({ data: event });
}

export async function insertPreReviewFiles(tx: Prisma.TransactionClient, rows: Prisma.PreReviewFileCreateManyInput[]): Promise<void> {
  if (rows.length > 0) await tx.preReviewFile.createMany({ data: rows });
}

const appointmentStatuses = ['BOOKED', 'CHECKED_IN', 'CALLED', 'SERVING', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
type StatusValue = (typeof appointmentStatuses)[number];

/** Locks one appointment row for the rest of the transaction and reads its status. */
export async function lockAppointmentStatus(tx: Prisma.TransactionClient, id: string): Promise<{ status: StatusValue } | null> {
  const rows = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM Appointment WHERE id = ${id} FOR UPDATE`;
  const status = appointmentStatuses.find((candidate) => candidate === rows[0]?.status);
  return status ? { status } : null;
}

/** Writes the new status and the columns that go with it (the caller holds the row lock). */
export async function updateAppointmentStatus(tx: Prisma.TransactionClient, { id, data }: { id: string; data: Prisma.AppointmentUncheckedUpdateManyInput }): Promise<void> {
  await tx.appointment.updateMany({ where: { id }, data });
}

export async function findDayKeyHolder(db: Db, key: string): Promise<string | null> {
  return (await db.appointment.findFirst({ where: { activeDayKey: key }, select: { id: true } }))?.id ?? null;
}

export async function findCallNotice(db: Db, id: string) {
  return db.appointment.findUniqueOrThrow({ where: { id }, select: { residentId: true, queueNumber: true, item: { select: { name: true } } } });
}
