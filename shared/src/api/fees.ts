import { z } from 'zod';
import { feeOrderStatusSchema, refundStatusSchema } from '../enums';

/**
 * 在线缴费: fee orders issued by window staff, paid by residents with WeChat Pay (JSAPI), refunded
 * by staff or when the hall cancels. Money is integer fen everywhere; instants are ISO strings.
 * Issuing and refunding require an `Idempotency-Key` header (see booking.ts): a retry returns the
 * same order / the same refund.
 */

/** At most ¥100,000.00 per order, a limit far above any administrative fee. */
const amountFenSchema = z.number({ message: '金额须为整数（分）' }).int('金额须为整数（分）').min(1, '金额至少 1 分').max(10_000_000, '金额不能超过 100000 元');

export const feeRefundSchema = z.object({
  id: z.string(),
  outRefundNo: z.string(),
  amountFen: z.number().int(),
  status: refundStatusSchema,
  statusLabel: z.string(),
  reason: z.string().nullable(),
  succeededAt: z.string().nullable(),
  createdAt: z.string(),
});

export const feeOrderSchema = z.object({
  id: z.string(),
  orderNo: z.string(),
  appointmentId: z.string().nullable(),
  status: feeOrderStatusSchema,
  statusLabel: z.string(),
  itemName: z.string(),
  hallName: z.string(),
  description: z.string(),
  amountFen: z.number().int(),
  /** The item's 收费标准 and 收费依据, shown with the amount. */
  feeStandard: z.string().nullable(),
  feeBasis: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  /** 微信支付订单号, once paid. */
  transactionId: z.string().nullable(),
  refundedAmountFen: z.number().int(),
  refunds: z.array(feeRefundSchema),
});
export type FeeOrder = z.infer<typeof feeOrderSchema>;

export const feeOrderResponseSchema = z.object({ feeOrder: feeOrderSchema });
export const feeOrderListResponseSchema = z.object({ items: z.array(feeOrderSchema) });
export type FeeOrderListResponse = z.infer<typeof feeOrderListResponseSchema>;

/** GET /fee-orders?status=PAID (the resident's own; 我的缴费 and receipts). */
export const myFeeOrdersQuerySchema = z.object({ status: feeOrderStatusSchema.optional() });

/** Parameters of wx.requestPayment (appId included so the client can check which app signed). */
export const requestPaymentParamsSchema = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});
export type RequestPaymentParams = z.infer<typeof requestPaymentParamsSchema>;

/** POST /fee-orders/:id/pay → the order (PAYING) and the requestPayment parameters. */
export const payFeeOrderResponseSchema = z.object({ feeOrder: feeOrderSchema, payment: requestPaymentParamsSchema });
export type PayFeeOrderResponse = z.infer<typeof payFeeOrderResponseSchema>;

/** POST /staff/halls/:hallId/fee-orders (Idempotency-Key) → 201 feeOrderResponseSchema (200 on a retry). */
export const issueFeeOrderRequestSchema = z.object({
  appointmentId: z.string().min(1).max(32),
  /** Defaults to the item's fixed amount; required when the amount depends on the case. */
  amountFen: amountFenSchema.optional(),
  /** 商品描述 shown in WeChat Pay; defaults to 「大厅-事项」. */
  description: z.string().trim().min(1).max(60).optional(),
});
export type IssueFeeOrderRequest = z.infer<typeof issueFeeOrderRequestSchema>;

/** GET /staff/halls/:hallId/fee-orders?appointmentId= */
export const staffFeeOrdersQuerySchema = z.object({ appointmentId: z.string().min(1).max(32).optional(), status: feeOrderStatusSchema.optional() });

/** POST /staff/halls/:hallId/fee-orders/:id/refunds (Idempotency-Key): all that is left unless amountFen is given. */
export const refundFeeOrderRequestSchema = z.object({
  amountFen: amountFenSchema.optional(),
  reason: z.string({ message: '请填写退款原因' }).trim().min(2, '请填写退款原因').max(80, '退款原因不超过 80 字'),
});
export type RefundFeeOrderRequest = z.infer<typeof refundFeeOrderRequestSchema>;

