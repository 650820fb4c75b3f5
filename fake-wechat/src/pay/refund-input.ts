import { integerField, objectField, stringField, type JsonObject } from '../http/json-input';
import { checkNotifyUrl } from './jsapi-order-input';
import { payErrors } from './pay-error';

export type RefundInput = {
  outTradeNo?: string;
  transactionId?: string;
  outRefundNo: string;
  reason?: string;
  notifyUrl?: string;
  refund: number;
  total: number;
  currency: string;
};

const outRefundNoPattern = /^[0-9A-Za-z_\-|*@]{1,64}$/;

function positiveAmount(amount: JsonObject | undefined, field: 'refund' | 'total'): number {
  const value = amount ? integerField(amount, field) : undefined;
  if (value === undefined || value <= 0) throw payErrors.paramError('body', `amount/${field}`, '金额须为大于0的整数（单位：分）', amount?.[field]);
  return value;
}

/** The request body of POST /v3/refund/domestic/refunds. */
export function readRefund(body: JsonObject): RefundInput {
  const transactionId = stringField(body, 'transaction_id');
  const outTradeNo = stringField(body, 'out_trade_no');
  if (!transactionId && !outTradeNo) throw payErrors.paramError('body', 'out_trade_no', 'transaction_id和out_trade_no必须二选一');
  const outRefundNo = stringField(body, 'out_refund_no');
  if (!outRefundNo || !outRefundNoPattern.test(outRefundNo)) throw payErrors.paramError('body', 'out_refund_no', '商户退款单号须为1-64位数字、大小写字母、_-|*@', outRefundNo);
  const reason = stringField(body, 'reason');
  if (reason !== undefined && [...reason].length > 80) throw payErrors.paramError('body', 'reason', '退款原因长度超过80', reason);
  const notifyUrl = stringField(body, 'notify_url');
  if (notifyUrl !== undefined) checkNotifyUrl(notifyUrl);
  const amount = objectField(body, 'amount');
  const refund = positiveAmount(amount, 'refund');
  const total = positiveAmount(amount, 'total');
  const currency = (amount && stringField(amount, 'currency')) ?? '';
  if (currency !== 'CNY') throw payErrors.paramError('body', 'amount/currency', '退款币种仅支持CNY', currency);
  return { transactionId, outTradeNo, outRefundNo, reason, notifyUrl, refund, total, currency };
}

export function refundFingerprint(input: RefundInput, outTradeNo: string): string {
  return JSON.stringify([outTradeNo, input.outRefundNo, input.refund, input.total, input.currency, input.reason ?? null, input.notifyUrl ?? null]);
}
