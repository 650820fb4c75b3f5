import { createHash } from 'node:crypto';
import type { Prisma } from '@govpocket/db';
import { z } from 'zod';
import type { FeeOrder, SessionUser } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import { enqueueNotification } from '../notification';
import type { PaymentDeps } from './deps';
import { feeOrderLink, toFeeOrderDto } from './fee-order-view';
import { staffActor } from './issue-fee-order';
import { NotificationRejected } from './notification-verifier';
import { PayGatewayError, refundSchema } from './pay-gateway';
import {
  findFeeOrder, findPaymentId, findRefund, insertRefund, listFeeOrders, lockFeeOrderStatus, recordNotification, updateRefund, type RefundRow,
} from './repository';
import { applyFeeTransition, recordFeeTransition, systemActor, type FeeActor } from './transitions';

/**
 * Refunds: staff approve one (full or partial), or the hall cancels a paid case. The intent is
 * recorded first (Refund PENDING, order REFUNDING) in the transaction of the decision; WeChat Pay
 * is asked after the commit and again by the job while it stays PENDING. out_refund_no is derived
 * from the request (order + Idempotency-Key, or order + cancellation), so every retry names the
 * same refund and WeChat Pay, idempotent per out_refund_no, never pays twice.
 */
export function outRefundNoFor(feeOrderId: string, requestKey: string): string {
  return `RF${createHash('sha256').update(`${feeOrderId}:${requestKey}`).digest('hex').slice(0, 30).toUpperCase()}`;
}

async function startRefund(
  tx: Prisma.TransactionClient,
  { feeOrderId, amountFen, reason, actor, outRefundNo, requestId }: { feeOrderId: string; amountFen?: number; reason: string; actor: FeeActor; outRefundNo: string; requestId?: string },
): Promise<RefundRow> {
  const order = await findFeeOrder(tx, { id: feeOrderId });
  if (!order) throw new AppError('NOT_FOUND', { message: '缴费单不存在' });
  const refundable = order.amountFen - order.refundedAmountFen;
  const amount = amountFen ?? refundable;
  if (amount > refundable) throw new AppError('VALIDATION_FAILED', { message: `退款金额超过可退金额（可退 ${(refundable / 100).toFixed(2)} 元）` });
  await applyFeeTransition(tx, { feeOrderId, action: 'REFUND', to: 'REFUNDING', actor, reason, requestId, data: { action: 'REFUND', amountFen: amount, outRefundNo } });
  const paymentId = await findPaymentId(tx, feeOrderId);
  return insertRefund(tx, { feeOrderId, paymentId, outRefundNo, amountFen: amount, reason, status: 'PENDING', requestedById: actor.userId });
}

/** Staff approve a refund of this hall's order; a retry with the same Idempotency-Key returns the same refund. */
export async function requestRefund(
  deps: PaymentDeps,
  input: { staff: SessionUser; hallId: string; feeOrderId: string; amountFen?: number; reason: string; idempotencyKey: string; requestId: string },
): Promise<FeeOrder> {
  const order = await findFeeOrder(deps.prisma, { id: input.feeOrderId });
  if (!order || order.hallId !== input.hallId) throw new AppError('NOT_FOUND', { message: '本大厅没有这个缴费单' });
  const outRefundNo = outRefundNoFor(order.id, `staff:${input.staff.id}:${input.idempotencyKey}`);
  let refund = await findRefund(deps.prisma, outRefundNo);
  if (refund && input.amountFen !== undefined && refund.amountFen !== input.amountFen) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  refund ??= await inTransaction(deps.prisma, (tx) => startRefund(tx, { feeOrderId: order.id, amountFen: input.amountFen, reason: input.reason, actor: staffActor(input.staff), outRefundNo, requestId: input.requestId }));
  await submitRefund(deps, refund);
  const row = await findFeeOrder(deps.prisma, { id: order.id });
  if (!row) throw new AppError('NOT_FOUND', { message: '缴费单不存在' });
  return toFeeOrderDto(row);
}

/**
 * Inside the hall's cancellation: every paid order of the cancelled appointments gets a full
 * refund, and unpaid ones expire now (the expiry job closes them here and at WeChat Pay).
 */
export async function refundCancelledCases(
  tx: Prisma.TransactionClient,
  { appointmentIds, staff, reason, requestId, now }: { appointmentIds: string[]; staff: SessionUser; reason: string; requestId: string; now: Date },
): Promise<RefundRow[]> {
  if (appointmentIds.length === 0) return [];
  const orders = await listFeeOrders(tx, { appointmentId: { in: appointmentIds }, status: { in: ['CREATED', 'PAYING', 'PAID', 'REFUND_FAILED'] } });
  const refunds: RefundRow[] = [];
  for (const order of orders) {
    if (order.status === 'CREATED' || order.status === 'PAYING') {
      await tx.feeOrder.update({ where: { id: order.id }, data: { expiresAt: now }, select: { id: true } });
      continue;
    }
    if (order.amountFen - order.refundedAmountFen <= 0) continue;
    refunds.push(await startRefund(tx, { feeOrderId: order.id, reason: `大厅取消办理：${reason}`.slice(0, 80), actor: staffActor(staff), outRefundNo: outRefundNoFor(order.id, `hall-cancel:${order.appointmentId ?? ''}`), requestId }));
  }
  return refunds;
}

/**
 * Asks WeChat Pay for a PENDING refund. Network trouble and 5xx leave it PENDING for the job; a
 * definite refusal (4xx) fails the refund so staff see 退款失败 and can try again.
 */
export async function submitRefund(deps: PaymentDeps, refund: RefundRow): Promise<void> {
  if (refund.status !== 'PENDING' || !deps.pay) return;
  const order = await findFeeOrder(deps.prisma, { id: refund.feeOrderId });
  if (!order) return;
  try {
    const accepted = await deps.pay.gateway.createRefund({ outTradeNo: order.outTradeNo, outRefundNo: refund.outRefundNo, amountFen: refund.amountFen, totalFen: order.amountFen, reason: refund.reason ?? '退款' });
    if (accepted.status === 'PROCESSING') {
      await inTransaction(deps.prisma, async (tx) => {
        const current = await findRefund(tx, refund.outRefundNo);
        if (current?.status === 'PENDING') await updateRefund(tx, refund.id, { status: 'PROCESSING', refundId: accepted.refund_id });
      });
    } else {
      await settleRefund(deps, { record: accepted });
    }
  } catch (error) {
    if (error instanceof PayGatewayError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      await failRefund(deps, refund, `微信支付拒绝退款：${error.message}`);
      return;
    }
    // Left PENDING: the refund job asks again with the same out_refund_no.
  }
}

async function failRefund(deps: PaymentDeps, refund: RefundRow, reason: string): Promise<void> {
  await inTransaction(deps.prisma, async (tx) => {
    const status = await lockFeeOrderStatus(tx, refund.feeOrderId);
    const current = await findRefund(tx, refund.outRefundNo);
    if (status !== 'REFUNDING' || !current || (current.status !== 'PENDING' && current.status !== 'PROCESSING')) return;
    // Refused outright: no refund exists at WeChat Pay, so the money stays refundable.
    await updateRefund(tx, refund.id, { status: 'CLOSED' });
    await recordFeeTransition(tx, { feeOrderId: refund.feeOrderId, action: 'REFUND_FAILED', from: status, to: 'REFUND_FAILED', actor: systemActor, reason: reason.slice(0, 255) });
  });
}

/** A refund's outcome as both the refund query and REFUND.* notifications describe it. */
export type RefundResult = { outRefundNo: string; outTradeNo: string; refundId: string; status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | 'PROCESSING'; amountFen: number; successTime?: string };

export function refundResultOf(resource: unknown): RefundResult {
  const notified = refundNotificationSchema.safeParse(resource);
  if (notified.success) {
    const value = notified.data;
    return { outRefundNo: value.out_refund_no, outTradeNo: value.out_trade_no, refundId: value.refund_id, status: value.refund_status, amountFen: value.amount.refund, successTime: value.success_time };
  }
  const queried = refundSchema.safeParse(resource);
  if (!queried.success) throw new NotificationRejected(400, '退款内容格式错误');
  const value = queried.data;
  return { outRefundNo: value.out_refund_no, outTradeNo: value.out_trade_no, refundId: value.refund_id, status: value.status, amountFen: value.amount.refund, successTime: value.success_time };
}

const refundNotificationSchema = refundSchema.omit({ status: true }).extend({ mchid: z.string(), refund_status: refundSchema.shape.status });

/**
 * Applies a refund outcome exactly once: SUCCESS adds to the refunded amount (REFUNDED when all
 * is back, PAID after a partial refund) and tells the resident; CLOSED/ABNORMAL → REFUND_FAILED.
 */
export async function settleRefund(
  deps: PaymentDeps,
  { record, notification, mchid }: { record: unknown; notification?: { id: string; eventType: string }; mchid?: string },
): Promise<'APPLIED' | 'ALREADY_APPLIED' | 'PENDING'> {
  const result = refundResultOf(record);
  if (mchid !== undefined && deps.pay && mchid !== deps.pay.merchant.mchid) throw new NotificationRejected(400, 'mchid 不匹配');
  const refund = await findRefund(deps.prisma, result.outRefundNo);
  if (!refund) throw new NotificationRejected(400, '退款单不存在');
  const order = await findFeeOrder(deps.prisma, { id: refund.feeOrderId });
  if (!order || order.outTradeNo !== result.outTradeNo) throw new NotificationRejected(400, '退款单与订单不匹配');
  if (result.amountFen !== refund.amountFen) throw new NotificationRejected(400, '退款金额不一致');
  if (result.status === 'PROCESSING') return 'PENDING';

  return inTransaction(deps.prisma, async (tx) => {
    if (notification) {
      const isFirst = await recordNotification(tx, { notificationId: notification.id, eventType: notification.eventType, outTradeNo: order.outTradeNo, outRefundNo: refund.outRefundNo, payload: record });
      if (!isFirst) return 'ALREADY_APPLIED';
    }
    const status = await lockFeeOrderStatus(tx, order.id);
    const current = await findRefund(tx, refund.outRefundNo);
    if (status !== 'REFUNDING' || !current || (current.status !== 'PENDING' && current.status !== 'PROCESSING')) return 'ALREADY_APPLIED';
    if (result.status !== 'SUCCESS') {
      await updateRefund(tx, refund.id, { status: result.status, refundId: result.refundId });
      await recordFeeTransition(tx, { feeOrderId: order.id, action: 'REFUND_FAILED', from: status, to: 'REFUND_FAILED', actor: systemActor, data: { action: 'REFUND_FAILED', outRefundNo: refund.outRefundNo, refundStatus: result.status } });
      return 'APPLIED';
    }
    const succeededAt = result.successTime && !Number.isNaN(Date.parse(result.successTime)) ? new Date(result.successTime) : deps.now();
    const latest = await findFeeOrder(tx, { id: order.id });
    const refundedAmountFen = (latest?.refundedAmountFen ?? 0) + refund.amountFen;
    await updateRefund(tx, refund.id, { status: 'SUCCEEDED', refundId: result.refundId, succeededAt });
    await recordFeeTransition(tx, {
      feeOrderId: order.id, action: 'REFUND_SETTLED', from: status, to: refundedAmountFen >= order.amountFen ? 'REFUNDED' : 'PAID', actor: systemActor,
      patch: { refundedAmountFen }, data: { action: 'REFUND_SETTLED', outRefundNo: refund.outRefundNo, amountFen: refund.amountFen },
    });
    await enqueueNotification(tx, {
      userId: order.residentId,
      event: 'PAYMENT_REFUNDED',
      payload: { feeOrderId: order.id, itemName: order.item.name, amountFen: refund.amountFen, refundedAt: succeededAt, link: feeOrderLink(order.id) },
      dedupeKey: `PAYMENT_REFUNDED:${refund.id}`,
    });
    return 'APPLIED';
  });
}
