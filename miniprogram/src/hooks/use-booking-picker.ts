import { useEffect, useState } from 'react';
import type { BookableHall, BookingDay, BookingHallsResponse, BookingSlot } from '@govpocket/shared';
import { fetchBookingDays, fetchBookingHalls, fetchBookingSlots } from '@/services/booking-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type BookingPicker = {
  halls: RemoteData<BookingHallsResponse>;
  hall: BookableHall | null;
  selectHall: (hallId: string) => void;
  days: RemoteData<BookingDay[]>;
  date: string | null;
  selectDate: (date: string) => void;
  slots: RemoteData<BookingSlot[]>;
  reload: () => void;
};

/** Hall → working day → slot for one item; picking earlier steps resets the later ones. */
export function useBookingPicker(itemCode: string): BookingPicker {
  const halls = useRemoteData(itemCode ? `halls:${itemCode}` : null, () => fetchBookingHalls(itemCode));
  const [hallId, setHallId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);

  const hallList = halls.state.status === 'ready' ? halls.state.data.halls : [];
  const hall = hallList.find((candidate) => candidate.id === hallId) ?? null;
  // One hall only: nothing to choose.
  useEffect(() => {
    const only = hallList.length === 1 ? hallList[0] : undefined;
    if (only && hallId === null) setHallId(only.id);
  }, [hallList, hallId]);

  const days = useRemoteData(hall ? `days:${hall.id}:${itemCode}` : null, async () => (await fetchBookingDays({ hallId: hallId ?? '', itemCode })).days);
  const slots = useRemoteData(hall && date ? `slots:${hall.id}:${itemCode}:${date}` : null, async () =>
    (await fetchBookingSlots({ hallId: hallId ?? '', itemCode, date: date ?? '' })).slots,
  );

  return {
    halls: halls.state,
    hall,
    selectHall: (id) => {
      setHallId(id);
      setDate(null);
    },
    days: days.state,
    date,
    selectDate: setDate,
    slots: slots.state,
    reload: () => {
      days.reload();
      slots.reload();
    },
  };
}
