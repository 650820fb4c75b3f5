import { AppError } from '../../platform/errors/app-error';
import { slotClosedReason } from './availability';
import { requireBookableItem } from './availability-service';
import { fromDbDate } from './dates';
import type { BookingDeps } from './deps';
import { listSeatHolders, type BookableItem, type SlotRow } from './repository';
import { seatMember } from './reservation';
import { bookingWindowDates } from './schedule-plan';
import type { BookingSettings } from './settings';

/**
 * The first step of a booking: the slot's own rules (window, cutoff, closed) read from the
 * process cache, then a seat at the Redis gate. Whoever arrives after the last seat is answered
 * here, before anything is written; a hold that does not become a booking is given back.
 */
export const slotFullMessage = '已约满';

export type SeatHold = {
  item: BookableItem;
  slot: SlotRow;
  settings: BookingSettings;
  hallName: string;
  member: string;
  /** RESERVED: this request added the seat and must give it back if it does not book. */
  outcome: 'RESERVED' | 'HELD';
  /** The booking committed: the seat stops being a lease. */
  confirm: () => Promise<void>;
  release: () => Promise<void>;
};

export async function holdSeat(deps: BookingDeps, { residentId, itemCode, slotId }: { residentId: string; itemCode: string; slotId: string }): Promise<SeatHold> {
  const [settings, item, slot] = await Promise.all([deps.settings.read(), requireBookableItem(deps, itemCode), deps.lookups.slot(slotId)]);
  if (!slot) throw new AppError('NOT_FOUND', { message: '该时段不存在，请重新选择' });
  const place = await deps.lookups.place({ itemId: item.id, hallId: slot.hallId });
  if (!place || !place.hall.isActive || place.itemGroup !== slot.itemGroup) throw new AppError('BOOKING_NOT_ALLOWED', { message: '该时段不办理此事项，请重新选择' });
  await assertSlotBookable(deps, { slot, now: deps.now(), settings });
  const member = seatMember(residentId, item.id);
  const outcome = await deps.gate.reserve({
    slotId: slot.id,
    member,
    capacity: slot.capacity,
    loadMembers: async () => (await listSeatHolders(deps.prisma, slot.id)).map((holder) => seatMember(holder.residentId, holder.itemId)),
  });
  if (outcome === 'FULL') throw new AppError('SLOT_FULL', { message: slotFullMessage });
  return {
    item, slot, settings, hallName: place.hall.name, member, outcome,
    confirm: () => deps.gate.confirm(slot.id, member),
    release: async () => {
      if (outcome === 'RESERVED') await deps.gate.release(slot.id, member);
    },
  };
}

async function assertSlotBookable(deps: BookingDeps, { slot, now, settings }: { slot: SlotRow; now: Date; settings: BookingSettings }): Promise<void> {
  const window = bookingWindowDates(await deps.calendar.current(), now, settings.daysAhead);
  if (!window.includes(fromDbDate(slot.date))) throw new AppError('BOOKING_NOT_ALLOWED', { message: `只能预约今天起${settings.daysAhead}个工作日内的时段` });
  // Fullness is the gate's and the transaction's call: the cached slot row may be seconds old.
  const reason = slotClosedReason({ ...slot, bookedCount: 0 }, { now, settings });
  if (reason === 'PAST') throw new AppError('BOOKING_NOT_ALLOWED', { message: '该时段已结束，请选择其他时段' });
  if (reason === 'CUTOFF') throw new AppError('BOOKING_NOT_ALLOWED', { message: `已截止：当天预约须在时段开始前${settings.sameDayCloseMinutes}分钟完成` });
  if (reason === 'CLOSED') throw new AppError('BOOKING_NOT_ALLOWED', { message: '该时段暂停预约，请选择其他时段' });
}
