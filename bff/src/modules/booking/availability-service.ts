import type { BookingDaysResponse, BookingHallsResponse, BookingSlotsResponse } from '@govpocket/shared';
import { slotClosedReasonLabels } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { formatMonthDay, startOfLocalDay } from '../calendar/shanghai-time';
import { slotClosedReason } from './availability';
import { withScheduledHours } from './hall-hours';
import { fromDbDate, toDbDate } from './dates';
import type { BookingDeps } from './deps';
import { findItemHall, listItemHalls, listSlots, type BookableItem } from './repository';
import { bookingWindowDates, isoWeekday } from './schedule-plan';

/** Choosing where and when: halls for an item, the bookable days, a day's slots. */
const weekdayNames = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export async function requireBookableItem(deps: Pick<BookingDeps, 'lookups'>, code: string): Promise<BookableItem> {
  const item = await deps.lookups.item(code);
  if (!item || !item.isAppointmentEnabled) throw new AppError('NOT_FOUND', { message: '该事项不存在或未开放预约' });
  return item;
}

export async function listBookingHalls(deps: BookingDeps, { itemCode }: { itemCode: string }): Promise<BookingHallsResponse> {
  const item = await requireBookableItem(deps, itemCode);
  const rows = await listItemHalls(deps.prisma, item.id);
  const halls = rows.map(({ hall }) => ({ id: hall.id, name: hall.name, address: hall.address, hours: hall.hours, phone: hall.phone, latitude: hall.latitude, longitude: hall.longitude }));
  return {
    item: { code: item.code, name: item.name, onSiteTrips: item.onSiteTrips, promisedDays: item.promisedDays },
    halls: await withScheduledHours(deps.prisma, halls, deps.now()),
  };
}

async function loadWindowSlots(deps: BookingDeps, { hallId, itemCode, dates }: { hallId: string; itemCode: string; dates?: string[] }) {
  const item = await requireBookableItem(deps, itemCode);
  const place = await findItemHall(deps.prisma, { itemId: item.id, hallId });
  if (!place || !place.hall.isActive) throw new AppError('NOT_FOUND', { message: '该大厅不办理此事项的预约' });
  const now = deps.now();
  const [calendar, settings] = await Promise.all([deps.calendar.current(), deps.settings.read()]);
  const window = bookingWindowDates(calendar, now, settings.daysAhead);
  const wanted = dates ? window.filter((date) => dates.includes(date)) : window;
  const slots = await listSlots(deps.prisma, { hallId, itemGroup: place.itemGroup, dates: wanted.map(toDbDate) });
  return { now, calendar, settings, window: wanted, slots };
}

export async function listBookingDays(deps: BookingDeps, { hallId, itemCode }: { hallId: string; itemCode: string }): Promise<BookingDaysResponse> {
  const { now, calendar, settings, window, slots } = await loadWindowSlots(deps, { hallId, itemCode });
  const days = window.flatMap((date) => {
    const daySlots = slots.filter((slot) => fromDbDate(slot.date) === date);
    if (daySlots.length === 0) return [];
    const open = daySlots.filter((slot) => slotClosedReason(slot, { now, settings }) === null);
    const weekday = isoWeekday(date);
    const isMakeupWorkday = weekday >= 6 && calendar.isWorkingDay(date);
    return [{
      date,
      weekday,
      label: `${formatMonthDay(startOfLocalDay(date))} ${weekdayNames[weekday] ?? ''}${isMakeupWorkday ? '（调休上班）' : ''}`,
      isMakeupWorkday,
      capacity: daySlots.reduce((sum, slot) => sum + slot.capacity, 0),
      remaining: open.reduce((sum, slot) => sum + Math.max(0, slot.capacity - slot.bookedCount), 0),
      isBookable: open.length > 0,
    }];
  });
  return { hallId, itemCode, days };
}

export async function listBookingSlots(deps: BookingDeps, { hallId, itemCode, date }: { hallId: string; itemCode: string; date: string }): Promise<BookingSlotsResponse> {
  const { now, settings, window, slots } = await loadWindowSlots(deps, { hallId, itemCode, dates: [date] });
  if (window.length === 0) throw new AppError('BOOKING_NOT_ALLOWED', { message: `只能预约今天起${settings.daysAhead}个工作日内的时段` });
  return {
    hallId,
    itemCode,
    date,
    slots: slots.map((slot) => {
      const reason = slotClosedReason(slot, { now, settings });
      return {
        id: slot.id,
        date,
        startTime: slot.startTime,
        endTime: slot.endTime,
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
        capacity: slot.capacity,
        remaining: reason === 'FULL' || reason === 'CLOSED' || reason === 'PAST' ? 0 : Math.max(0, slot.capacity - slot.bookedCount),
        isBookable: reason === null,
        closedReason: reason,
        closedReasonLabel: reason ? slotClosedReasonLabels[reason] : null,
      };
    }),
  };
}
