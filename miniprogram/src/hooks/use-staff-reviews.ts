import { useState } from 'react';
import type { HallFollowUp, StaffPreReview } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { fetchFollowUps, fetchPreReviews, resolveFollowUp, reviewPreReview } from '@/services/staff-booking-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type ActionState = { busyId: string | null; errors: Record<string, string> };

function useItemActions(onDone: () => void) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (id: string, action: () => Promise<unknown>) => {
    setBusyId(id);
    setErrors((current) => ({ ...current, [id]: '' }));
    try {
      await action();
      onDone();
    } catch (error) {
      setErrors((current) => ({ ...current, [id]: describeError(error) }));
    } finally {
      setBusyId(null);
    }
  };
  return { state: { busyId, errors }, run };
}

export type PreReviewQueue = {
  items: RemoteData<StaffPreReview[]>;
  actions: ActionState;
  review: (fileId: string, status: 'PASSED' | 'NEEDS_CORRECTION', comment: string) => Promise<void>;
};

/** 材料预审: the hall's pending pre-review photos, passed or sent back for 补正 with a message. */
export function usePreReviewQueue(hallId: string | null): PreReviewQueue {
  const items = useRemoteData(hallId ? `pre-reviews:${hallId}` : null, () => fetchPreReviews({ hallId: hallId ?? '', status: 'PENDING' }));
  const { state, run } = useItemActions(items.reload);
  return {
    items: items.state,
    actions: state,
    review: (fileId, status, comment) => run(fileId, () => reviewPreReview({ hallId: hallId ?? '', fileId, status, comment })),
  };
}

export type FollowUpList = {
  items: RemoteData<HallFollowUp[]>;
  actions: ActionState;
  resolve: (id: string, status: 'FIXED' | 'EXPLAINED', note: string) => Promise<void>;
};

/** 差评回访: follow-ups of 不满意 / 非常不满意 ratings, closed with 已整改 or 已说明 and a call-back note. */
export function useFollowUps(hallId: string | null): FollowUpList {
  const items = useRemoteData(hallId ? `follow-ups:${hallId}` : null, () => fetchFollowUps(hallId ?? ''));
  const { state, run } = useItemActions(items.reload);
  return {
    items: items.state,
    actions: state,
    resolve: (id, status, note) => run(id, () => resolveFollowUp({ hallId: hallId ?? '', id, status, note })),
  };
}
