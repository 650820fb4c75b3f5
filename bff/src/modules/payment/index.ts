import type { AppRouter } from '../../platform/http/router';
import type { HallCancelHook } from '../booking';
import type { PaymentDeps } from './deps';
import { payNotifyRoutes } from './notify-routes';
import { refundCancelledCases, submitRefund } from './refunds';
import { feeOrderRoutes, staffFeeOrderRoutes } from './routes';

/** 在线缴费: fee orders, WeChat Pay v3 JSAPI, verified notifications, refunds and reconciliation. */
export { createPaymentDeps, type PaymentDeps } from './deps';
export { closeExpiredOrders, paymentScheduledJobs, reconcilePayments, settleUnnotifiedPayments, syncRefunds, warnExpiringCertificates } from './jobs';
export { keepRawPayNotifications } from './notify-routes';

export function paymentRouters(deps: PaymentDeps): AppRouter[] {
  return [feeOrderRoutes(deps), staffFeeOrderRoutes(deps), payNotifyRoutes(deps)];
}

/** The booking module's hall-cancellation hook: full refunds decided in its transaction, submitted after. */
export function hallCancelRefunds(deps: PaymentDeps): HallCancelHook {
  return async (tx, input) => {
    const refunds = await refundCancelledCases(tx, input);
    return async () => {
      for (const refund of refunds) await submitRefund(deps, refund);
    };
  };
}
