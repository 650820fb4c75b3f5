import { useState } from 'react';
import type { FeeOrder } from '@govpocket/shared';
import { requestWechatPayment } from '@/platform/payment';
import { confirmDemoPayment } from '@/services/demo-wechat-service';
import { isBrowserDemo } from '@/services/env';
import { describeError } from '@/services/error-message';
import { fetchFeeOrder, fetchMyFeeOrders, startFeePayment } from '@/services/fee-service';
import { useRemoteData, type RemoteData } from './use-remote-data';
import { useSession } from './use-session';

export type FeeOrderView = {
  order: RemoteData<FeeOrder>;
  reload: () => void;
  isPaying: boolean;
  message: string | null;
  errorMessage: string | null;
  pay: () => Promise<void>;
};

const settleWaitMs = [300, 600, 1000, 1500, 2000, 3000];

/**
 * One fee order and paying it: the BFF's requestPayment parameters go to wx.requestPayment; in
 * the H5 demo, which has no WeChat Pay, the fake WeChat's control API confirms the payment instead.
 * Either way the order is final only when the BFF has WeChat Pay's notification, so the page
 * re-reads it until it shows 已支付 (or gives up and says the result is on its way).
 */
export function useFeeOrder(id: string): FeeOrderView {
  const { isSignedIn } = useSession();
  const resource = useRemoteData(isSignedIn && id ? `fee-order:${id}` : null, () => fetchFeeOrder(id));
  const [isPaying, setIsPaying] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);

  const waitForSettlement = async (): Promise<void> => {
    for (const delay of settleWaitMs) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      const latest = await fetchFeeOrder(id);
      resource.replace(latest);
      if (latest.status === 'PAID') {
        setMessage('缴费成功');
        return;
      }
    }
    setMessage('支付结果确认中，请稍后刷新查看');
  };

  const pay = async (): Promise<void> => {
    setIsPaying(true);
    setMessage(null);
    setErrorMessage(null);
    try {
      const { feeOrder, payment } = await startFeePayment(id);
      resource.replace(feeOrder);
      const outcome = await requestWechatPayment(payment);
      if (outcome.outcome === 'unavailable' && isBrowserDemo) await confirmDemoPayment(feeOrder.orderNo);
      else if (outcome.outcome === 'cancelled') return setMessage('已取消支付');
      else if (outcome.outcome !== 'paid') return setErrorMessage(outcome.message);
      await waitForSettlement();
    } catch (error) {
      setErrorMessage(describeError(error));
    } finally {
      setIsPaying(false);
    }
  };

  return { order: resource.state, reload: resource.reload, isPaying, message, errorMessage, pay };
}

/** 我的缴费: every order of the signed-in resident, newest first. */
export function useMyFeeOrders(): { orders: RemoteData<FeeOrder[]>; reload: () => void; isSignedIn: boolean } {
  const { isSignedIn } = useSession();
  const resource = useRemoteData(isSignedIn ? 'my-fee-orders' : null, () => fetchMyFeeOrders());
  return { orders: resource.state, reload: resource.reload, isSignedIn };
}
