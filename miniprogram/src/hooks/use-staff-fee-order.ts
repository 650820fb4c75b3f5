import { useEffect, useRef, useState } from 'react';
import type { FeeOrder } from '@govpocket/shared';
import { newIdempotencyKey } from '@/services/booking-service';
import { describeError } from '@/services/error-message';
import { fetchAppointmentFeeOrders, issueFeeOrder } from '@/services/fee-service';

export type StaffFeeOrder = {
  orders: FeeOrder[];
  amountText: string;
  setAmountText: (value: string) => void;
  isBusy: boolean;
  errorMessage: string | null;
  issue: () => Promise<void>;
};

/** "12", "12.5", "12.50" → fen, with integer arithmetic only; '' → undefined (the item's own fee). */
export function fenFromYuanText(text: string): number | undefined | null {
  const value = text.trim();
  if (value === '') return undefined;
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  return Number.parseInt(match[1] ?? '0', 10) * 100 + Number.parseInt((match[2] ?? '').padEnd(2, '0'), 10);
}

/** 开具缴费单 for the resident at the window; one submission keeps one Idempotency-Key across retries. */
export function useStaffFeeOrder(hallId: string | null, appointmentId: string | null): StaffFeeOrder {
  const [orders, setOrders] = useState<FeeOrder[]>([]);
  const [amountText, setAmountText] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const pendingKey = useRef<string | null>(null);

  useEffect(() => {
    setOrders([]);
    setErrorMessage(null);
    pendingKey.current = null;
    if (!hallId || !appointmentId) return;
    let isCurrent = true;
    fetchAppointmentFeeOrders({ hallId, appointmentId }).then(
      (items) => {
        if (isCurrent) setOrders(items);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [hallId, appointmentId]);

  const issue = async (): Promise<void> => {
    if (!hallId || !appointmentId) return;
    const amountFen = fenFromYuanText(amountText);
    if (amountFen === null) {
      setErrorMessage('金额格式应为元，最多两位小数');
      return;
    }
    pendingKey.current ??= newIdempotencyKey();
    setIsBusy(true);
    setErrorMessage(null);
    try {
      const order = await issueFeeOrder({ hallId, appointmentId, amountFen, idempotencyKey: pendingKey.current });
      pendingKey.current = null;
      setOrders((current) => [order, ...current.filter((item) => item.id !== order.id)]);
      setAmountText('');
    } catch (error) {
      setErrorMessage(describeError(error));
    } finally {
      setIsBusy(false);
    }
  };

  return { orders, amountText, setAmountText, isBusy, errorMessage, issue };
}
