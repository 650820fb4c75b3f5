import type { SlotClosedReason } from '@govpocket/shared';
import type { BookingSettings } from './settings';

/**
 * Whether a slot takes a booking right now, and if not why (已结束 / 已截止 / 暂停预约 / 已约满).
 * Pure: the slot list, the booking service and the reschedule service share it.
 */
export type SlotState = { startsAt: Date; capacity: number; bookedCount: number; isClosed: boolean };

export function slotClosedReason(slot: SlotState, { now, settings }: { now: Date; settings: Pick<BookingSettings, 'sameDayCloseMinutes'> }): SlotClosedReason | null {
  if (slot.startsAt.getTime() <= now.getTime()) return 'PAST';
  if (slot.isClosed) return 'CLOSED';
  if (slot.startsAt.getTime() - settings.sameDayCloseMinutes * 60_000 <= now.getTime()) return 'CUTOFF';
  if (slot.bookedCount >= slot.capacity) return 'FULL';
  return null;
}

/** The last moment a booking may be cancelled or moved. */
export function changeDeadline(startsAt: Date, settings: Pick<BookingSettings, 'cancelBeforeMinutes'>): Date {
  return new Date(startsAt.getTime() - settings.cancelBeforeMinutes * 60_000);
}
