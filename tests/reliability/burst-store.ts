import type { PrismaClient } from '@govpocket/db';
import type { BurstWorld } from './burst-world';

/**
 * What MySQL holds after a burst, read the way an auditor would: every appointment of the slot and
 * every letter of the mailbox with the rows that must have been written in the same transaction,
 * and the rows that would betray a half-written one (history or audit naming no entity).
 */
export type StoredAppointment = { id: string; residentId: string; idempotencyKey: string; status: string; bookedEvents: number; audits: number; outboxRows: number };
export type StoredLetter = { id: string; residentId: string; idempotencyKey: string; submitEvents: number; audits: number };
export type BurstStore = {
  appointments: StoredAppointment[];
  letters: StoredLetter[];
  slot: { capacity: number; bookedCount: number };
  /** AppointmentEvent/LetterEvent/AuditLog/OutboxEvent rows whose appointment or letter does not exist. */
  orphans: { appointmentEvents: number; letterEvents: number; appointmentAudits: number; letterAudits: number; bookingOutbox: number };
  /** Idempotency claims still open (statusCode NULL): a request started and never finished. */
  openClaims: number;
};

type Count = { count: bigint | number };
const countOf = (rows: Count[]): number => Number(rows[0]?.count ?? 0);

export async function readBurstStore(prisma: PrismaClient, world: BurstWorld, residentIds: string[]): Promise<BurstStore> {
  const [appointmentRows, letterRows, slot] = await Promise.all([
    prisma.appointment.findMany({ where: { slotId: world.slotId }, select: { id: true, residentId: true, idempotencyKey: true, status: true, events: { select: { toStatus: true, fromStatus: true } } } }),
    prisma.letter.findMany({ where: { mailboxId: world.mailboxId }, select: { id: true, residentId: true, idempotencyKey: true, events: { select: { action: true } } } }),
    prisma.slot.findUniqueOrThrow({ where: { id: world.slotId }, select: { capacity: true, bookedCount: true } }),
  ]);
  const appointmentIds = appointmentRows.map((row) => row.id);
  const letterIds = letterRows.map((row) => row.id);
  const [audits, outbox] = await Promise.all([
    prisma.auditLog.groupBy({ by: ['entityId', 'action'], where: { entityId: { in: [...appointmentIds, ...letterIds] } }, _count: { _all: true } }),
    prisma.outboxEvent.groupBy({ by: ['dedupeKey'], where: { dedupeKey: { in: appointmentIds.map((id) => `BOOKING_CONFIRMED:${id}`) } }, _count: { _all: true } }),
  ]);
  const auditsOf = (id: string, action: string): number => audits.find((row) => row.entityId === id && row.action === action)?._count._all ?? 0;
  const outboxOf = (id: string): number => outbox.find((row) => row.dedupeKey === `BOOKING_CONFIRMED:${id}`)?._count._all ?? 0;

  // Raw SQL on purpose: these are the joins the schema's foreign keys should make empty, and the
  // audit log and outbox have no foreign key to the entity at all.
  const [appointmentEvents, letterEvents, appointmentAudits, letterAudits, bookingOutbox, openClaims] = await Promise.all([
    prisma.$queryRaw<Count[]>`SELECT COUNT(*) AS count FROM AppointmentEvent e LEFT JOIN Appointment a ON a.id = e.appointmentId WHERE a.id IS NULL`,
    prisma.$queryRaw<Count[]>`SELECT COUNT(*) AS count FROM LetterEvent e LEFT JOIN Letter l ON l.id = e.letterId WHERE l.id IS NULL`,
    prisma.$queryRaw<Count[]>`SELECT COUNT(*) AS count FROM AuditLog g LEFT JOIN Appointment a ON a.id = g.entityId WHERE g.entityType = 'Appointment' AND a.id IS NULL`,
    prisma.$queryRaw<Count[]>`SELECT COUNT(*) AS count FROM AuditLog g LEFT JOIN Letter l ON l.id = g.entityId WHERE g.entityType = 'Letter' AND l.id IS NULL`,
    prisma.$queryRaw<Count[]>`SELECT COUNT(*) AS count FROM OutboxEvent o LEFT JOIN Appointment a ON CONCAT('BOOKING_CONFIRMED:', a.id) = o.dedupeKey WHERE o.eventType = 'BOOKING_CONFIRMED' AND a.id IS NULL`,
    prisma.idempotencyRecord.count({ where: { userId: { in: residentIds }, statusCode: null } }).then((count) => [{ count }]),
  ]);

  return {
    appointments: appointmentRows.map((row) => ({
      id: row.id, residentId: row.residentId, idempotencyKey: row.idempotencyKey, status: row.status,
      bookedEvents: row.events.filter((event) => event.fromStatus === null && event.toStatus === 'BOOKED').length,
      audits: auditsOf(row.id, 'APPOINTMENT_BOOKED'), outboxRows: outboxOf(row.id),
    })),
    letters: letterRows.map((row) => ({
      id: row.id, residentId: row.residentId, idempotencyKey: row.idempotencyKey,
      submitEvents: row.events.filter((event) => event.action === 'SUBMIT').length, audits: auditsOf(row.id, 'LETTER_SUBMIT'),
    })),
    slot,
    orphans: {
      appointmentEvents: countOf(appointmentEvents), letterEvents: countOf(letterEvents), appointmentAudits: countOf(appointmentAudits),
      letterAudits: countOf(letterAudits), bookingOutbox: countOf(bookingOutbox),
    },
    openClaims: countOf(openClaims),
  };
}

/** The invariants that hold whatever was killed when: each entity whole, nothing without its entity. */
export function expectNothingHalfWritten(store: BurstStore): void {
  expect(store.appointments.filter((row) => row.bookedEvents !== 1 || row.audits !== 1 || row.outboxRows !== 1)).toEqual([]);
  expect(store.letters.filter((row) => row.submitEvents !== 1 || row.audits !== 1)).toEqual([]);
  expect(store.orphans).toEqual({ appointmentEvents: 0, letterEvents: 0, appointmentAudits: 0, letterAudits: 0, bookingOutbox: 0 });
  const active = store.appointments.filter((row) => row.status !== 'CANCELLED').length;
  expect(store.slot.bookedCount).toBe(active);
  expect(active).toBeLessThanOrEqual(store.slot.capacity);
  // One booking and one letter per resident: every request of the burst had a key of its own.
  expect(duplicatesOf(store.appointments.map((row) => row.residentId))).toEqual([]);
  expect(duplicatesOf(store.letters.map((row) => row.residentId))).toEqual([]);
}

function duplicatesOf(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}
