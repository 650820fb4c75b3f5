import type { PrismaClient } from '@govpocket/db';
import { findBookableItem, findItemHall, findSlot, type BookableItem, type SlotRow } from './repository';

/**
 * Items and where they are handled change rarely (an admin edit) but every booking attempt needs
 * them: each process keeps them for a few seconds, so a booking storm reads them once rather than
 * once per attempt. A slot's times, hall and capacity come from here too, but never whether it is
 * full: the seat gate and the booking transaction decide that.
 */
type ItemPlace = Awaited<ReturnType<typeof findItemHall>>;

export type BookingLookups = {
  item: (code: string) => Promise<BookableItem | null>;
  place: (input: { itemId: string; hallId: string }) => Promise<ItemPlace>;
  slot: (slotId: string) => Promise<SlotRow | null>;
};

export function createBookingLookups(prisma: PrismaClient, { ttlMs = 5000, clock = () => Date.now() }: { ttlMs?: number; clock?: () => number } = {}): BookingLookups {
  const cached = <T>(load: (key: string) => Promise<T>): ((key: string) => Promise<T>) => {
    const entries = new Map<string, { at: number; value: Promise<T> }>();
    return (key) => {
      const hit = entries.get(key);
      if (hit && clock() - hit.at <= ttlMs) return hit.value;
      const value = load(key);
      entries.set(key, { at: clock(), value });
      if (entries.size > 5000) entries.delete(entries.keys().next().value ?? key);
      value.catch(() => entries.delete(key));
      return value;
    };
  };
  const item = cached((code) => findBookableItem(prisma, code));
  const place = cached((key) => {
    const [itemId = '', hallId = ''] = key.split('|');
    return findItemHall(prisma, { itemId, hallId });
  });
  const slot = cached((slotId) => findSlot(prisma, slotId));
  return { item, place: ({ itemId, hallId }) => place(`${itemId}|${hallId}`), slot };
}
