import { ControlError } from '../control/control-error';
import type { FakeContext } from '../fake-context';
import { newPrepayId, newTransactionId } from '../identifiers';
import type { PayOrder, TradeState } from '../state';
import { formatBeijingTime } from './beijing-time';
import { orderFingerprint, type JsapiOrderInput } from './jsapi-order-input';
import { sendPayNotification } from './notifications';
import { payErrors } from './pay-error';

const tradeStateDescriptions: Record<TradeState, string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '订单发生过退款',
  PAYERROR: '支付失败，其他原因，如银行返回失败',
};

const isPaid = (order: PayOrder): boolean => order.transactionId !== undefined;

/** POST /v3/pay/transactions/jsapi: idempotent per out_trade_no as long as the parameters match. */
export function createJsapiOrder(fake: FakeContext, input: JsapiOrderInput): { prepay_id: string } {
  const fingerprint = orderFingerprint(input);
  const existing = fake.state.orders.get(input.outTradeNo);
  if (existing) {
    if (isPaid(existing)) throw payErrors.orderPaid();
    if (existing.tradeState === 'CLOSED') throw payErrors.orderClosed();
    if (existing.requestFingerprint !== fingerprint) throw payErrors.invalidRequest('201 商户订单号重复');
    return { prepay_id: existing.prepayId };
  }
  const now = fake.clock.now();
  const order: PayOrder = { ...input, prepayId: newPrepayId(now), requestFingerprint: fingerprint, createdAt: now, tradeState: 'NOTPAY' };
  fake.state.orders.set(order.outTradeNo, order);
  return { prepay_id: order.prepayId };
}

export function findOrder(fake: FakeContext, by: { outTradeNo: string } | { transactionId: string }): PayOrder {
  const order =
    'outTradeNo' in by ? fake.state.orders.get(by.outTradeNo) : [...fake.state.orders.values()].find((candidate) => candidate.transactionId === by.transactionId);
  if (!order) throw payErrors.orderNotExist();
  return order;
}

/** POST …/close: closing twice is fine, closing a paid order is not. */
export function closeOrder(fake: FakeContext, outTradeNo: string): void {
  const order = findOrder(fake, { outTradeNo });
  if (isPaid(order)) throw payErrors.orderPaid();
  if (order.tradeState !== 'CLOSED') {
    order.tradeState = 'CLOSED';
    order.closedAt = fake.clock.now();
  }
}

/** The transaction object of queries and TRANSACTION.SUCCESS notifications. */
export function toTransactionResource(order: PayOrder): Record<string, unknown> {
  const paid = order.transactionId !== undefined && order.successAt !== undefined;
  return {
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.outTradeNo,
    ...(paid ? { transaction_id: order.transactionId } : {}),
    trade_type: 'JSAPI',
    trade_state: order.tradeState,
    trade_state_desc: tradeStateDescriptions[order.tradeState],
    ...(paid ? { bank_type: 'OTHERS', success_time: formatBeijingTime(order.successAt ?? 0) } : {}),
    attach: order.attach ?? '',
    payer: { openid: order.payerOpenid },
    amount: paid
      ? { total: order.total, payer_total: order.total, currency: order.currency, payer_currency: order.currency }
      : { total: order.total, currency: order.currency, payer_currency: order.currency },
    promotion_detail: [],
  };
}

/**
 * What happens when the resident confirms (or fails) the payment in WeChat: the order becomes
 * SUCCESS with a transaction id and WeChat starts notifying the merchant. Only success is notified.
 */
export function settleOrder(fake: FakeContext, input: { outTradeNo: string; result?: 'SUCCESS' | 'PAYERROR' }): PayOrder {
  const order = fake.state.orders.get(input.outTradeNo);
  if (!order) throw new ControlError(404, 'ORDER_NOT_EXIST', `no order ${input.outTradeNo}`);
  if (order.tradeState !== 'NOTPAY' && order.tradeState !== 'PAYERROR') throw new ControlError(409, 'ORDER_NOT_PAYABLE', `order ${input.outTradeNo} is ${order.tradeState}`);
  if (order.timeExpire !== undefined && Date.parse(order.timeExpire) < fake.clock.now()) throw new ControlError(409, 'ORDER_EXPIRED', `order ${input.outTradeNo} expired at ${order.timeExpire}`);
  const now = fake.clock.now();
  if (input.result === 'PAYERROR') {
    order.tradeState = 'PAYERROR';
    return order;
  }
  order.tradeState = 'SUCCESS';
  order.transactionId = newTransactionId(now);
  order.successAt = now;
  sendPayNotification(fake, {
    url: order.notifyUrl,
    subject: order.outTradeNo,
    eventType: 'TRANSACTION.SUCCESS',
    originalType: 'transaction',
    resource: toTransactionResource(order),
  });
  return order;
}
