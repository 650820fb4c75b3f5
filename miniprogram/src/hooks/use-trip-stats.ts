import type { TripStatsResponse } from '@govpocket/shared';
import { fetchTripStats } from '@/services/staff-booking-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type TripStats = { stats: RemoteData<TripStatsResponse>; reload: () => void };

/** 办件跑动统计 for one hall: actual vs promised on-site trips per item. */
export function useTripStats(hallId: string | null): TripStats {
  const stats = useRemoteData(hallId ? `trip-stats:${hallId}` : null, () => fetchTripStats(hallId ?? ''));
  return { stats: stats.state, reload: stats.reload };
}
