import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@govpocket/db';
import { loadChineseDays } from '../bff/src/modules/calendar/holiday-source';
import { atLocalTime, localDateOf } from '../bff/src/modules/calendar/shanghai-time';
import { createWorkingCalendar } from '../bff/src/modules/calendar/working-calendar';

export type BookableSlot = { tag: string; departmentId: string; itemId: string; itemCode: string; slotId: string };

/**
 * A department, a bookable item, a hall serving it and one slot of `capacity` seats, 10:00–11:00
 * on the next working day: what the booking storm and the kill-during-bursts suite race for.
 * Names carry `label` and a random tag, so runs never collide.
 */
export async function createBookableSlot(prisma: PrismaClient, { capacity, label }: { capacity: number; label: string }): Promise<BookableSlot> {
  const tag = randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();
  const department = await prisma.department.create({ data: { name: `${label}部门${tag}` }, select: { id: true } });
  const item = await prisma.serviceItem.create({
    data: {
      code: `B${tag}-GG-0001`, name: `${label}预约事项${tag}`, type: 'PUBLIC_SERVICE', departmentId: department.id, audience: 'INDIVIDUAL',
      themes: [], keywords: [], basis: [], conditions: [], statutoryDays: 5, promisedDays: 1, onSiteTrips: 1, onlineDepth: 'LEVEL_3', deliveryMethods: ['WINDOW_PICKUP'],
      isAppointmentEnabled: true, hours: '工作日 9:00-17:00', status: 'PUBLISHED', revisedAt: new Date(), publishedAt: new Date(),
    },
    select: { id: true, code: true },
  });
  const hall = await prisma.hall.create({ data: { name: `${label}大厅${tag}`, address: `清江市${label}路1号`, hours: '工作日 9:00-17:00' }, select: { id: true } });
  await prisma.serviceItemHall.create({ data: { itemId: item.id, hallId: hall.id } });
  const date = localDateOf(createWorkingCalendar(loadChineseDays()).addWorkingDays(new Date(), 1));
  const slot = await prisma.slot.create({
    data: { hallId: hall.id, date: new Date(`${date}T00:00:00.000Z`), startTime: '10:00', endTime: '11:00', startsAt: atLocalTime(date, '10:00'), endsAt: atLocalTime(date, '11:00'), capacity },
    select: { id: true },
  });
  return { tag, departmentId: department.id, itemId: item.id, itemCode: item.code, slotId: slot.id };
}
