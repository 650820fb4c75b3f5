import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { AppointmentDetail, QueuePositionResponse, RateAppointmentRequest } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { cancelAppointment, fetchAppointment, fetchQueuePosition, newIdempotencyKey, rateAppointment } from '@/services/booking-service';
import { useRemoteData, type RemoteData } from './use-remote-data';
import { useSession } from './use-session';

/** Statuses in which the resident waits in the hall and the queue moves. */
const queuedStatuses = new Set(['CHECKED_IN', 'CALLED', 'SERVING']);
const queuePollMs = 5_000;

/** The hall's date (Asia/Shanghai, UTC+8 all year) as YYYY-MM-DD. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export type AppointmentView = {
  appointment: RemoteData<AppointmentDetail>;
  /** The latest queue answer while checked in (polled every 5 s while the page is on screen). */
  queue: QueuePositionResponse | null;
  reload: () => void;
  isBusy: boolean;
  /** The BFF's message of the last failed cancel or rating, shown inline. */
  actionError: string | null;
  cancel: () => Promise<void>;
  rate: (rating: RateAppointmentRequest) => Promise<void>;
};

export function useAppointment(id: string): AppointmentView {
  const { session } = useSession();
  const { state, reload, replace } = useRemoteData(id && session ? `appointment:${id}:${session.token}` : null, () => fetchAppointment(id));
  const [queue, setQueue] = useState<QueuePositionResponse | null>(null);
  const [isVisible, setIsVisible] = useState(true);
  const [isBusy, setIsBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const cancelKey = useRef<string | null>(null);
  useDidShow(() => setIsVisible(true));
  useDidHide(() => setIsVisible(false));

  const status = state.status === 'ready' ? (queue?.status ?? state.data.status) : null;
  const isQueued = status !== null && queuedStatuses.has(status);
  // On the day itself a booked visit is watched too, so the check-in at the window shows at once.
  const isWatched = isQueued || (status === 'BOOKED' && state.status === 'ready' && state.data.date === shanghaiToday());
  const lastStatus = useRef(status);

  useEffect(() => {
    if (!isWatched || !isVisible) return undefined;
    let isStopped = false;
    const poll = () => {
      fetchQueuePosition(id).then(
        (position) => {
          if (!isStopped) setQueue(position);
        },
        () => undefined, // a missed poll is retried by the next one
      );
    };
    poll();
    const timer = setInterval(poll, queuePollMs);
    return () => {
      isStopped = true;
      clearInterval(timer);
    };
  }, [id, isWatched, isVisible]);

  // The queue says the visit ended (completed, no-show): fetch the detail for the rating form.
  useEffect(() => {
    if (queue && lastStatus.current !== queue.status && state.status === 'ready' && queue.status !== state.data.status) reload();
    lastStatus.current = queue?.status ?? null;
  }, [queue, state, reload]);

  const run = async (action: () => Promise<void>) => {
    setIsBusy(true);
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(describeError(error));
    } finally {
      setIsBusy(false);
    }
  };

  return {
    appointment: state,
    queue: isQueued ? queue : null,
    reload,
    isBusy,
    actionError,
    cancel: () =>
      run(async () => {
        cancelKey.current ??= newIdempotencyKey();
        const cancelled = await cancelAppointment({ id, idempotencyKey: cancelKey.current });
        cancelKey.current = null;
        replace(cancelled);
      }),
    rate: (rating) =>
      run(async () => {
        await rateAppointment({ id, rating });
        reload();
      }),
  };
}
