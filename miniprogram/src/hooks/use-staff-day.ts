import { useState } from 'react';
import type { StaffAppointment, StaffDayResponse } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { checkIn, fetchStaffDay } from '@/services/staff-booking-service';
import { scanCode } from '@/platform/scan-code';
import { useReloadOnReturn } from './use-reload-on-return';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type StaffDay = {
  day: RemoteData<StaffDayResponse>;
  reload: () => void;
  isCheckingIn: boolean;
  checkInError: string | null;
  /** The appointment just checked in, with its queue number. */
  checkedIn: StaffAppointment | null;
  checkInWithCode: (code: string) => Promise<void>;
  checkInByScan: () => Promise<void>;
};

/** 今日: the hall's bookings by slot, and check-in by typed code or scanned QR. */
export function useStaffDay(hallId: string | null): StaffDay {
  const day = useRemoteData(hallId ? `staff-day:${hallId}` : null, () => fetchStaffDay(hallId ?? ''));
  useReloadOnReturn(day.reload);
  const [isCheckingIn, setIsCheckingIn] = useState(false);
  const [checkInError, setCheckInError] = useState<string | null>(null);
  const [checkedIn, setCheckedIn] = useState<StaffAppointment | null>(null);

  const checkInWithCode = async (code: string) => {
    if (!hallId) return;
    setIsCheckingIn(true);
    setCheckInError(null);
    setCheckedIn(null);
    try {
      setCheckedIn(await checkIn({ hallId, code: code.trim() }));
      day.reload();
    } catch (error) {
      setCheckInError(describeError(error));
    } finally {
      setIsCheckingIn(false);
    }
  };

  const checkInByScan = async () => {
    try {
      const scanned = await scanCode();
      if (scanned.outcome === 'scanned') await checkInWithCode(scanned.text);
    } catch (error) {
      setCheckInError(describeError(error));
    }
  };

  return { day: day.state, reload: day.reload, isCheckingIn, checkInError, checkedIn, checkInWithCode, checkInByScan };
}
