import { randomBytes } from 'node:crypto';
import type { AppointmentStatus } from '@govpocket/db';
import { appointmentStatusLabels, type FeeOrder, type SessionUser } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { hasRole } from '../auth/access';
import { lockAppointmentStatus } from '../booking/repository';
import { inTransaction, isUniqueViolation } from '../../platform/db/transaction';
import { readSettings } from '../../platform/settings';
import { localDateOf } from '../calendar/shanghai-time';
import { enqueueNotification } from '../notification';
import type { PaymentDeps } from './deps';
import { feeOrderLink, toFeeOrderDto } from './fee-order-view';
import { countActiveFeeOrders, findAppointmentForFee, findFeeOrder, findFeeOrderByIssueKey, insertFeeOrder, type FeeOrderRow } from './repository';
import { recordFeeTransition, type FeeActor } from './transitions';

/**
 * Window staff issue a fee order once the hall has accepted the case (checked in or later), for
 * an item that charges a fee and has online payment on. The amount is the item's fixed fee unless
 * staff give one (items whose fee depends on the case need it). One open order per appointment;
 * the Idempotency-Key (per staff member) makes a retried issue return the same order.
 */
const acceptedStates: readonly AppointmentStatus[] = ['CHECKED_IN', 'CALLED', 'SERVING', 'COMPLETED'];

export type IssueFeeOrderInput = {
  staff: SessionUser;
  hallId: string;
  appointmentId: string;
  amountFen?: number;
  description?: string;
  idempotencyKey: string;
  requestId: string;
};

/** Unpaid orders close after `fee.orderExpireMinutes` (the Setting table, read at issue time). */
export const feeSettingsSpec = { orderExpireMinutes: 'fee.orderExpireMinutes' } as const;

export function staffActor(staff: SessionUser): FeeActor {
  return { type: 'STAFF', userId: staff.id, role: hasRole(staff, 'WINDOW_STAFF') ? 'WINDOW_STAFF' : 'ADMIN' };
}

/** `GP` + Shanghai date + 14 random hex digits: unique, 24 characters, within WeChat's 6–32 rule. */
function newOutTradeNo(now: Date): string {
  return `GP${localDateOf(now).replace(/-/g, '')}${randomBytes(7).toString('hex').toUpperCase()}`;
}

function sameRequest(existing: FeeOrderRow, input: IssueFeeOrderInput): boolean {
  return existing.appointmentId === input.appointmentId && existing.hallId === input.hallId && (input.amountFen === undefined || input.amountFen === existing.amountFen);
}

export async function issueFeeOrder(deps: PaymentDeps, input: IssueFeeOrderInput): Promise<{ feeOrder: FeeOrder; isNew: boolean }> {
  const replay = async (): Promise<{ feeOrder: FeeOrder; isNew: boolean } | null> => {
    const existing = await findFeeOrderByIssueKey(deps.prisma, { issuedById: input.staff.id, idempotencyKey: input.idempotencyKey });
    if (!existing) return null;
    if (!sameRequest(existing, input)) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { feeOrder: toFeeOrderDto(existing), isNew: false };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const appointment = await findAppointmentForFee(deps.prisma, { id: input.appointmentId, hallId: input.hallId });
  if (!appointment) throw new AppError('NOT_FOUND', { message: '本大厅没有这个预约' });
  const { item } = appointment;
  if (!item.isCharged || !item.isOnlinePaymentEnabled) throw new AppError('CONFLICT', { message: `「${item.name}」不收费或未开通在线缴费` });
  const amountFen = input.amountFen ?? item.feeAmountFen;
  if (amountFen === null || amountFen <= 0) throw new AppError('VALIDATION_FAILED', { message: '该事项按实际情况收费，请填写缴费金额' });
  const { orderExpireMinutes } = await readSettings(deps.prisma, feeSettingsSpec);
  const now = deps.now();
  const description = (input.description ?? `${appointment.hall.name}-${item.name}`).slice(0, 127);

  try {
    const id = await inTransaction(deps.prisma, async (tx) => {
      // The appointment's row lock serialises two staff members issuing for the same case.
      const status = (await lockAppointmentStatus(tx, appointment.id))?.status;
      if (!status || !acceptedStates.includes(status)) {
        throw new AppError('ILLEGAL_TRANSITION', { message: `该预约当前为「${status ? appointmentStatusLabels[status] : '未知'}」，受理后才能开具缴费单` });
      }
      if ((await countActiveFeeOrders(tx, appointment.id)) > 0) throw new AppError('CONFLICT', { message: '该预约已有未关闭的缴费单' });
      const feeOrderId = await insertFeeOrder(tx, {
        outTradeNo: newOutTradeNo(now), appointmentId: appointment.id, itemId: appointment.itemId, hallId: appointment.hallId, residentId: appointment.residentId,
        issuedById: input.staff.id, idempotencyKey: input.idempotencyKey, description, amountFen, status: 'CREATED',
        // Issued "now" by the same clock as its expiry and order number, so the two always agree.
        createdAt: now, expiresAt: new Date(now.getTime() + orderExpireMinutes * 60_000),
      });
      await recordFeeTransition(tx, { feeOrderId, action: 'ISSUE', from: null, to: 'CREATED', actor: staffActor(input.staff), requestId: input.requestId, data: { action: 'ISSUE', amountFen } });
      const row = await findFeeOrder(tx, { id: feeOrderId });
      if (!row) throw new Error('issued fee order vanished');
      await enqueueNotification(tx, {
        userId: appointment.residentId,
        event: 'FEE_ORDER_ISSUED',
        payload: { feeOrderId, itemName: item.name, amountFen, orderNo: row.outTradeNo, issuedAt: now, dueAt: row.expiresAt, link: feeOrderLink(feeOrderId) },
        dedupeKey: `FEE_ORDER_ISSUED:${feeOrderId}`,
      });
      return feeOrderId;
    });
    const row = await findFeeOrder(deps.prisma, { id });
    if (!row) throw new Error('issued fee order vanished');
    return { feeOrder: toFeeOrderDto(row), isNew: true };
  } catch (error) {
    // The same key raced in from a retry: the winner's order is the answer.
    if (isUniqueViolation(error)) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}
