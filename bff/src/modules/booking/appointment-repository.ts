import type { Prisma } from '@govpocket/db';
import { activeStatuses, type Db } from './repository';
import { ownerId } from '../../platform/db/owner';

/** Reading appointments back for residents (their own only) and for the views built from them. */
const summarySelect = {
  id: true, status: true, date: true, startsAt: true, endsAt: true, queueNumber: true, createdAt: true,
  slot: { select: { startTime: true, endTime: true } },
  item: { select: { id: true, code: true, name: true } },
  hall: { select: { id: true, name: true, address: true } },
} satisfies Prisma.AppointmentSelect;
export type AppointmentSummaryRow = Prisma.AppointmentGetPayload<{ select: typeof summarySelect }>;

const detailSelect = {
  ...summarySelect,
  residentId: true, hallId: true, slotId: true, checkInCode: true, checkedInAt: true, completedAt: true, cancelledBy: true, cancelReason: true, deliveryMethod: true, promisedTrips: true,
  calledWindow: { select: { id: true, code: true, name: true } },
  preReviewFiles: { select: { id: true, materialId: true, materialName: true, fileUrl: true, status: true, comment: true, reviewedAt: true, fileRemovedAt: true, fileRemovedReason: true }, orderBy: { createdAt: 'asc' } },
  rating: { select: { level: true, tags: true, text: true, createdAt: true, followUp: { select: { status: true, dueAt: true, result: true, handledAt: true } } } },
} satisfies Prisma.AppointmentSelect;
export type AppointmentDetailRow = Prisma.AppointmentGetPayload<{ select: typeof detailSelect }>;

export async function findAppointmentDetail(db: Db, { id, residentId }: { id: string; residentId: string }): Promise<AppointmentDetailRow | null> {
  return db.appointment.findFirst({ where: { id, residentId: ownerId(residentId, 'residentId') }, select: detailSelect });
}

export async function listResidentAppointments(db: Db, { residentId, scope }: { residentId: string; scope: 'upcoming' | 'past' }): Promise<AppointmentSummaryRow[]> {
  const isUpcoming = scope === 'upcoming';
  return db.appointment.findMany({
    where: { residentId: ownerId(residentId, 'residentId'), status: isUpcoming ? { in: [...activeStatuses] } : { notIn: [...activeStatuses] } },
    select: summarySelect,
    orderBy: { startsAt: isUpcoming ? 'asc' : 'desc' },
    take: 50,
  });
}

/** Earlier completed visits of the same resident and item, newest first (to count a case's trips). */
export async function listEarlierVisits(db: Db, { residentId, itemId, before }: { residentId: string; itemId: string; before: Date }) {
  return db.appointment.findMany({
    where: { residentId: ownerId(residentId, 'residentId'), itemId, status: 'COMPLETED', startsAt: { lt: before } },
    select: { id: true, actualTrips: true },
    orderBy: { startsAt: 'desc' },
    take: 20,
  });
}

/** People still waiting ahead of this one in the same queue (same hall, day and number prefix). */
export async function countAhead(db: Db, { hallId, date, prefix, queueNumber, checkedInAt }: { hallId: string; date: Date; prefix: string; queueNumber: string; checkedInAt: Date }): Promise<number> {
  return db.appointment.count({
    where: {
      hallId, date, status: 'CHECKED_IN', queueNumber: { startsWith: prefix },
      OR: [{ checkedInAt: { lt: checkedInAt } }, { checkedInAt, queueNumber: { lt: queueNumber } }],
    },
  });
}

export async function findQueueState(db: Db, { id, residentId }: { id: string; residentId: string }) {
  return db.appointment.findFirst({
    where: { id, residentId: ownerId(residentId, 'residentId') },
    select: { id: true, status: true, hallId: true, date: true, queueNumber: true, checkedInAt: true, calledWindow: { select: { code: true, name: true } } },
  });
}
