import { useEffect, useState } from 'react';
import type { StaffAppointment } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { advanceAppointment, callNext, fetchStaffDay, fetchStaffWindows, transferAppointment, type ServingAction, type StaffWindow } from '@/services/staff-booking-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type StaffCounter = {
  windows: RemoteData<StaffWindow[]>;
  windowId: string | null;
  selectWindow: (windowId: string) => void;
  /** Who stands at this window (called or being served), or null. */
  current: StaffAppointment | null;
  waitingCount: number | null;
  isBusy: boolean;
  message: string | null;
  errorMessage: string | null;
  callNext: () => Promise<void>;
  advance: (action: ServingAction) => Promise<void>;
  transfer: (windowId: string) => Promise<void>;
};

/** 叫号 at one window: call the next resident, serve, complete, no-show or transfer. */
export function useStaffCounter(hallId: string | null): StaffCounter {
  const windows = useRemoteData(hallId ? `staff-windows:${hallId}` : null, () => fetchStaffWindows(hallId ?? ''));
  const [windowId, setWindowId] = useState<string | null>(null);
  const [current, setCurrent] = useState<StaffAppointment | null>(null);
  const [waitingCount, setWaitingCount] = useState<number | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);

  useEffect(() => {
    if (windowId === null && windows.state.status === 'ready') {
      const first = windows.state.data.find((window) => window.isActive);
      if (first) setWindowId(first.id);
    }
  }, [windows.state, windowId]);

  // Back at a window after leaving the page: pick up whoever is still called or served there.
  useEffect(() => {
    if (!hallId || !windowId) return;
    let isCurrent = true;
    fetchStaffDay(hallId).then(
      (day) => {
        if (!isCurrent) return;
        const atWindow = day.slots.flatMap((slot) => slot.appointments).find((appointment) => appointment.calledWindow?.id === windowId && (appointment.status === 'CALLED' || appointment.status === 'SERVING'));
        setCurrent(atWindow ?? null);
        setWaitingCount(day.waitingCount);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [hallId, windowId]);

  const run = async (action: () => Promise<void>) => {
    setIsBusy(true);
    setErrorMessage(null);
    setMessage(null);
    try {
      await action();
    } catch (error) {
      setErrorMessage(describeError(error));
    } finally {
      setIsBusy(false);
    }
  };

  return {
    windows: windows.state,
    windowId,
    selectWindow: setWindowId,
    current,
    waitingCount,
    isBusy,
    message,
    errorMessage,
    callNext: () =>
      run(async () => {
        if (!hallId || !windowId) return;
        const answer = await callNext({ hallId, windowId });
        setCurrent(answer.appointment);
        if (answer.message) setMessage(answer.message);
        if (waitingCount !== null && answer.appointment) setWaitingCount(Math.max(0, waitingCount - 1));
      }),
    advance: (action) =>
      run(async () => {
        if (!hallId || !current) return;
        const updated = await advanceAppointment({ hallId, appointmentId: current.id, action });
        const isDone = updated.status === 'COMPLETED' || updated.status === 'NO_SHOW';
        setCurrent(isDone ? null : updated);
        if (isDone) setMessage(`${updated.queueNumber ?? ''} ${updated.statusLabel}`);
      }),
    transfer: (targetWindowId) =>
      run(async () => {
        if (!hallId || !current) return;
        const updated = await transferAppointment({ hallId, appointmentId: current.id, windowId: targetWindowId });
        setCurrent(null);
        setMessage(`${updated.queueNumber ?? ''} 已转至 ${updated.calledWindow?.name ?? '其他窗口'}`);
      }),
  };
}
