import { useState } from 'react';
import type { AppointmentSummary, BookingStatusResponse } from '@govpocket/shared';
import { fetchBookingStatus, listAppointments, type AppointmentScope } from '@/services/booking-service';
import { useReloadOnReturn } from './use-reload-on-return';
import { useRemoteData, type RemoteData } from './use-remote-data';
import { useSession } from './use-session';

export type MyAppointments = {
  scope: AppointmentScope;
  setScope: (scope: AppointmentScope) => void;
  items: RemoteData<AppointmentSummary[]>;
  status: RemoteData<BookingStatusResponse>;
  reload: () => void;
};

/** 我的预约: upcoming or past, and whether booking is paused after no-shows. */
export function useMyAppointments(): MyAppointments {
  const { session } = useSession();
  const [scope, setScope] = useState<AppointmentScope>('upcoming');
  const items = useRemoteData(session ? `appointments:${scope}:${session.token}` : null, () => listAppointments(scope));
  const status = useRemoteData(session ? `booking-status:${session.token}` : null, fetchBookingStatus);
  const reload = () => {
    items.reload();
    status.reload();
  };
  useReloadOnReturn(reload);
  return { scope, setScope, items: items.state, status: status.state, reload };
}
