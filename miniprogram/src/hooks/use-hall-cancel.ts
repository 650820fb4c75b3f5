import { useState } from 'react';
import { describeError } from '@/services/error-message';
import { cancelByHall, type HallCancelTarget } from '@/services/staff-booking-service';

/** What the staff member picked to cancel, with the words the confirmation step shows. */
export type HallCancelChoice = { target: HallCancelTarget; label: string };

export type HallCancel = {
  /** The booking, slot or day awaiting a reason and confirmation; null when nothing is picked. */
  choice: HallCancelChoice | null;
  reason: string;
  setReason: (reason: string) => void;
  /** Second step: the reason is filled and the staff member is asked once more. */
  isConfirming: boolean;
  isCancelling: boolean;
  errorMessage: string | null;
  /** The outcome of the last cancel, e.g. 已取消 3 个预约. */
  doneMessage: string | null;
  pick: (choice: HallCancelChoice) => void;
  dismiss: () => void;
  askToConfirm: () => void;
  confirm: () => Promise<void>;
};

const minReasonLength = 2;
const maxReasonLength = 100;

/** 大厅取消: pick → reason (2–100 chars) → confirm → cancel, then the day list reloads. */
export function useHallCancel(hallId: string, onCancelled: () => void): HallCancel {
  const [choice, setChoice] = useState<HallCancelChoice | null>(null);
  const [reason, setReason] = useState('');
  const [isConfirming, setIsConfirming] = useState(false);
  const [isCancelling, setIsCancelling] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [doneMessage, setDoneMessage] = useState<string | null>(null);

  const pick = (next: HallCancelChoice) => {
    setChoice(next);
    setReason('');
    setIsConfirming(false);
    setErrorMessage(null);
    setDoneMessage(null);
  };

  const dismiss = () => {
    setChoice(null);
    setIsConfirming(false);
    setErrorMessage(null);
  };

  const askToConfirm = () => {
    const length = reason.trim().length;
    if (length < minReasonLength || length > maxReasonLength) {
      setErrorMessage(`请填写取消原因（${minReasonLength}–${maxReasonLength}字）`);
      return;
    }
    setErrorMessage(null);
    setIsConfirming(true);
  };

  const confirm = async () => {
    if (!choice || isCancelling) return;
    setIsCancelling(true);
    setErrorMessage(null);
    try {
      const result = await cancelByHall({ hallId, target: choice.target, reason: reason.trim() });
      setDoneMessage(result.cancelledCount > 0 ? `已取消 ${result.cancelledCount} 个预约，已通知相关居民` : '已停约，没有需要取消的预约');
      setChoice(null);
      setIsConfirming(false);
      onCancelled();
    } catch (error) {
      setErrorMessage(describeError(error));
      setIsConfirming(false);
    } finally {
      setIsCancelling(false);
    }
  };

  return { choice, reason, setReason, isConfirming, isCancelling, errorMessage, doneMessage, pick, dismiss, askToConfirm, confirm };
}
