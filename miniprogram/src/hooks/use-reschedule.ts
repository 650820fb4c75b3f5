import { useState } from 'react';
import type { AppointmentDetail } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { rescheduleAppointment } from '@/services/booking-service';

export type Reschedule = { isSaving: boolean; errorMessage: string | null; moveTo: (slotId: string) => Promise<AppointmentDetail | null> };

/** 改约: the BFF moves the booking atomically (never both slots, never neither). */
export function useReschedule(appointmentId: string): Reschedule {
  const [isSaving, setIsSaving] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const moveTo = async (slotId: string) => {
    setIsSaving(true);
    setErrorMessage(null);
    try {
      return await rescheduleAppointment({ id: appointmentId, slotId });
    } catch (error) {
      setErrorMessage(describeError(error));
      return null;
    } finally {
      setIsSaving(false);
    }
  };
  return { isSaving, errorMessage, moveTo };
}
