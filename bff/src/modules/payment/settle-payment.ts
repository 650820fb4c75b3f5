import { inTransaction } from '../../platform/db/transaction';
import { enqueueNotification } from '../notification';
import type { PaymentDeps } from './deps';
import { feeOrderLink } from './fee-order-view';
import type { PayMerchant } from './merchant';
import { NotificationRejected } from './notification-verifier';
import { foreignTransaction, transactionSchema, type Transaction } from './pay-gateway';
import { findFeeOrder, insertPayment, lockFeeOrderStatus, recordNotification, type FeeOrderRow } from './repository';
import { feeTransitions, recordFeeTransition, systemActor } from './transitions';

/**
 * Settles a fee order from a WeChat Pay transaction, whether it came in a TRANSACTION.SUCCESS
 * notification or from a query answer. The transaction must name our appid and mchid, a known
 * out_trade_no and exactly the order's amount. Applying is exactly-once: the notification id is
 * recorded once, the order row is locked and only an unpaid order moves to PAID (Payment is
 * unique per order and per transaction id), and the resident's notification has a dedupe key.
 */
export type SettleOutcome = 'PAID' | 'ALREADY_APPLIED' | 'NOT_PAID';

export function checkTransaction(merchant: PayMerchant, resource: unknown): Transaction {
  const parsed = transactionSchema.safeParse(resource);
  if (!parsed.success) throw new NotificationRejected(400, '交易内容格式错误');
  const transaction = parsed.data;
  const foreign = foreignTransaction(merchant, transaction);
  if (foreign) throw new NotificationRejected(400, foreign);
  return transaction;
}

async function orderFor(deps: PaymentDeps, transaction: Transaction): Promise<FeeOrderRow> {
  const order = await findFeeOrder(deps.prisma, { outTradeNo: transaction.out_trade_no });
  if (!order) throw new NotificationRejected(400, '订单不存在');
  if (transaction.amount.total !== order.amountFen) throw new NotificationRejected(400, '订单金额不一致');
  return order;
}

function parseWechatTime(value: string | undefined, fallback: Date): Date {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? fallback : new Date(parsed);
}

export async function settleTransaction(
  deps: PaymentDeps,
  { transaction, notification }: { transaction: Transaction; notification?: { id: string; eventType: string } },
): Promise<SettleOutcome> {
  // The same appid/mchid check whether the transaction came in a notification or a query answer.
  if (!deps.pay) throw new Error('WeChat Pay is not configured');
  const foreign = foreignTransaction(deps.pay.merchant, transaction);
  if (foreign) throw new NotificationRejected(400, foreign);
  const order = await orderFor(deps, transaction);
  // REFUND: paid, then (partly) refunded at WeChat — still a payment we must have recorded.
  const isPaid = transaction.trade_state === 'SUCCESS' || transaction.trade_state === 'REFUND';
  if (!isPaid || !transaction.transaction_id) return 'NOT_PAID';
  const transactionId = transaction.transaction_id;
  const paidAt = parseWechatTime(transaction.success_time, deps.now());

  return inTransaction(deps.prisma, async (tx) => {
    if (notification) {
      const isFirst = await recordNotification(tx, { notificationId: notification.id, eventType: notification.eventType, outTradeNo: order.outTradeNo, transactionId, payload: transaction });
      if (!isFirst) return 'ALREADY_APPLIED';
    }
    const status = await lockFeeOrderStatus(tx, order.id);
    if (!status || !feeTransitions.PAY.from.includes(status)) return 'ALREADY_APPLIED';
    await insertPayment(tx, { feeOrderId: order.id, transactionId, amountFen: transaction.amount.total, payerOpenid: transaction.payer?.openid ?? order.resident.openid, tradeState: 'SUCCESS', successAt: paidAt });
    await recordFeeTransition(tx, {
      feeOrderId: order.id, action: 'PAY', from: status, to: 'PAID', actor: systemActor, patch: { paidAt },
      data: { action: 'PAY', transactionId, source: notification ? 'NOTIFICATION' : 'QUERY' },
    });
    await enqueueNotification(tx, {
      userId: order.residentId,
      event: 'PAYMENT_SUCCEEDED',
      payload: { feeOrderId: order.id, itemName: order.item.name, amountFen: order.amountFen, paidAt, link: feeOrderLink(order.id) },
      dedupeKey: `PAYMENT_SUCCEEDED:${order.id}`,
    });
    return 'PAID';
  });
}
