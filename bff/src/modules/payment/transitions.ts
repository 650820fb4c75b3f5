import type { FeeOrderStatus, Prisma } from '@govpocket/db';
import { feeOrderStatusLabels, type Role } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { appendFeeOrderEvent, lockFeeOrderStatus, updateFeeOrder } from './repository';

/**
 * The fee order workflow: CREATED → PAYING → PAID, CREATED/PAYING → CLOSED (expired, closed at
 * WeChat Pay too), PAID → REFUNDING → REFUNDED (or back to PAID after a partial refund) /
 * REFUND_FAILED, from which staff may try again. The row is locked and its state checked before
 * each change; the event row and the audit row share the change's transaction.
 */
export type FeeOrderAction = 'ISSUE' | 'PREPAY' | 'PAY' | 'CLOSE' | 'REFUND' | 'REFUND_SETTLED' | 'REFUND_FAILED';

type Transition = { from: readonly FeeOrderStatus[]; label: string };

export const feeTransitions: Record<FeeOrderAction, Transition> = {
  ISSUE: { from: [], label: '开具' },
  PREPAY: { from: ['CREATED', 'PAYING'], label: '支付' },
  // A payment that lands after the order closed locally still took the money: record it.
  PAY: { from: ['CREATED', 'PAYING', 'CLOSED'], label: '确认支付' },
  CLOSE: { from: ['CREATED', 'PAYING'], label: '关闭' },
  REFUND: { from: ['PAID', 'REFUND_FAILED'], label: '退款' },
  REFUND_SETTLED: { from: ['REFUNDING'], label: '完成退款' },
  REFUND_FAILED: { from: ['REFUNDING'], label: '标记退款失败' },
};

export function illegalFeeTransition(action: FeeOrderAction, status: FeeOrderStatus): AppError {
  return new AppError('ILLEGAL_TRANSITION', { message: `该缴费单当前为「${feeOrderStatusLabels[status]}」，不能${feeTransitions[action].label}`, details: { status, action } });
}

export type FeeActor = { type: 'RESIDENT' | 'STAFF' | 'SYSTEM'; userId: string | null; role: Role | null };
export const systemActor: FeeActor = { type: 'SYSTEM', userId: null, role: null };

export type FeeTransitionInput = {
  feeOrderId: string;
  action: FeeOrderAction;
  to: FeeOrderStatus;
  actor: FeeActor;
  patch?: Prisma.FeeOrderUncheckedUpdateInput;
  reason?: string;
  data?: Prisma.InputJsonValue;
  requestId?: string;
};

/** Locks, checks and changes; throws 409 when the order is not in a state the action starts from. */
export async function applyFeeTransition(tx: Prisma.TransactionClient, input: FeeTransitionInput): Promise<{ from: FeeOrderStatus }> {
  const current = await lockFeeOrderStatus(tx, input.feeOrderId);
  if (!current) throw new AppError('NOT_FOUND', { message: '缴费单不存在' });
  if (!feeTransitions[input.action].from.includes(current)) throw illegalFeeTransition(input.action, current);
  await recordFeeTransition(tx, { ...input, from: current });
  return { from: current };
}

/** The write half, for callers that already hold the lock and checked the state. */
export async function recordFeeTransition(tx: Prisma.TransactionClient, input: FeeTransitionInput & { from: FeeOrderStatus | null }): Promise<void> {
  if (input.from !== null) await updateFeeOrder(tx, input.feeOrderId, { ...input.patch, status: input.to });
  await appendFeeOrderEvent(tx, {
    feeOrderId: input.feeOrderId, fromStatus: input.from, toStatus: input.to, actorType: input.actor.type, actorUserId: input.actor.userId,
    reason: input.reason, data: input.data ?? { action: input.action },
  });
  await writeAudit(tx, {
    actorUserId: input.actor.userId, actorRole: input.actor.role, action: `FEE_ORDER_${input.action}`, entityType: 'FeeOrder', entityId: input.feeOrderId,
    before: input.from === null ? undefined : { status: input.from }, after: { status: input.to }, reason: input.reason, requestId: input.requestId,
  });
}
