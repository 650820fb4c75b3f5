import { useState } from 'react';
import type { LetterStatsResponse, LetterType, PublicLetter } from '@govpocket/shared';
import { fetchLetterStats, fetchPublicLetters } from '@/services/mailbox-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type StatsPeriod = { period: 'month' | 'quarter'; value: string };

/** The current month and quarter in Shanghai, e.g. 2026-11 and 2026-Q4. */
export function currentPeriods(now: number = Date.now()): { month: string; quarter: string } {
  const shifted = new Date(now + 8 * 3600_000);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  return { month: `${year}-${String(month).padStart(2, '0')}`, quarter: `${year}-Q${Math.ceil(month / 3)}` };
}

export function usePublicLetters(): {
  type: LetterType | null;
  setType: (type: LetterType | null) => void;
  letters: RemoteData<PublicLetter[]>;
  stats: RemoteData<LetterStatsResponse>;
  period: StatsPeriod;
  setPeriod: (period: StatsPeriod) => void;
} {
  const [type, setType] = useState<LetterType | null>(null);
  const [period, setPeriod] = useState<StatsPeriod>({ period: 'month', value: currentPeriods().month });
  const letters = useRemoteData(`public-letters:${type ?? 'all'}`, async () => (await fetchPublicLetters(type ? { type } : {})).letters);
  const stats = useRemoteData(`letter-stats:${period.period}:${period.value}`, () => fetchLetterStats(period));
  return { type, setType, letters: letters.state, stats: stats.state, period, setPeriod };
}
