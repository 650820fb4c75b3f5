import { ControlError } from '../control/control-error';
import type { FakeContext } from '../fake-context';
import { newRefundId } from '../identifiers';
import type { PayRefund, RefundStatus } from '../state';
import { formatBeijingTime } from './beijing-time';
import { sendPayNotification } from './notifications';
import { payErrors } from './pay-error';
import { refundFingerprint, type RefundInput } from './refund-input';

/** Refunds that still count against the order total (closed ones gave the money back). */
const holdsMoney = (refund: PayRefund): boolean => refund.status !== 'CLOSED';

export function toRefundResource(refund: PayRefund): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successAt !== undefined ? { success_time: formatBeijingTime(refund.successAt) } : {}),
    create_time: formatBeijingTime(refund.createdAt),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.total,
      refund: refund.refund,
      from: [],
      payer_total: refund.total,
      payer_refund: refund.refund,
      settlement_refund: refund.refund,
      settlement_total: refund.total,
      discount_refund: 0,
      currency: refund.currency,
      refund_fee: 0,
    },
    promotion_detail: [],
  };
}

/** The refund object in the shape of REFUND.* notifications. */
function toRefundNotificationResource(fake: FakeContext, refund: PayRefund): Record<string, unknown> {
  return {
    mchid: fake.options.mchid,
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: refund.status,
    ...(refund.successAt !== undefined ? { success_time: formatBeijingTime(refund.successAt) } : {}),
    user_received_account: '支付用户零钱',
    amount: { total: refund.total, refund: refund.refund, payer_total: refund.total, payer_refund: refund.refund },
  };
}

/** The bank's answer: the refund leaves PROCESSING and, if the merchant asked, WeChat notifies. */
export function settleRefund(fake: FakeContext, input: { outRefundNo: string; status?: Exclude<RefundStatus, 'PROCESSING'> }): PayRefund {
  const refund = fake.state.refunds.get(input.outRefundNo);
  if (!refund) throw new ControlError(404, 'RESOURCE_NOT_EXISTS', `no refund ${input.outRefundNo}`);
  if (refund.status !== 'PROCESSING') throw new ControlError(409, 'REFUND_SETTLED', `refund ${input.outRefundNo} is ${refund.status}`);
  const status = input.status ?? 'SUCCESS';
  refund.status = status;
  if (status === 'SUCCESS') refund.successAt = fake.clock.now();
  if (refund.notifyUrl) {
    sendPayNotification(fake, {
      url: refund.notifyUrl,
      subject: refund.outRefundNo,
      eventType: `REFUND.${status}`,
      originalType: 'refund',
      resource: toRefundNotificationResource(fake, refund),
    });
  }
  return refund;
}

/**
 * POST /v3/refund/domestic/refunds: idempotent per out_refund_no; all refunds of an order
 * together may not exceed what was paid.
 */
export function createRefund(fake: FakeContext, input: RefundInput): PayRefund {
  const order = input.transactionId
    ? [...fake.state.orders.values()].find((candidate) => candidate.transactionId === input.transactionId)
    : fake.state.orders.get(input.outTradeNo ?? '');
  if (!order) throw payErrors.resourceNotExists('订单不存在');
  const fingerprint = refundFingerprint(input, order.outTradeNo);
  const existing = fake.state.refunds.get(input.outRefundNo);
  if (existing) {
    if (existing.requestFingerprint !== fingerprint) throw payErrors.invalidRequest('商户退款单号重复，且请求参数与原请求不一致');
    return existing;
  }
  if (order.transactionId === undefined || order.successAt === undefined) throw payErrors.invalidRequest('订单未支付，无法退款');
  if (input.total !== order.total) throw payErrors.invalidRequest('订单金额与原订单金额不一致');
  const refunded = [...fake.state.refunds.values()].filter((refund) => refund.outTradeNo === order.outTradeNo && holdsMoney(refund)).reduce((sum, refund) => sum + refund.refund, 0);
  if (refunded + input.refund > order.total) throw payErrors.invalidRequest('申请退款金额超过订单可退金额');

  const now = fake.clock.now();
  const refund: PayRefund = {
    refundId: newRefundId(now),
    outRefundNo: input.outRefundNo,
    outTradeNo: order.outTradeNo,
    transactionId: order.transactionId,
    reason: input.reason,
    notifyUrl: input.notifyUrl,
    refund: input.refund,
    total: input.total,
    currency: input.currency,
    requestFingerprint: fingerprint,
    createdAt: now,
    status: 'PROCESSING',
  };
  fake.state.refunds.set(refund.outRefundNo, refund);
  order.tradeState = 'REFUND';
  const delay = fake.state.settings.refundSettleDelayMs;
  if (delay !== null) {
    fake.scheduler.after(delay, () => {
      if (refund.status === 'PROCESSING' && fake.state.refunds.get(refund.outRefundNo) === refund) settleRefund(fake, { outRefundNo: refund.outRefundNo });
    });
  }
  return refund;
}

export function findRefund(fake: FakeContext, outRefundNo: string): PayRefund {
  const refund = fake.state.refunds.get(outRefundNo);
  if (!refund) throw payErrors.resourceNotExists('退款单不存在');
  return refund;
}
