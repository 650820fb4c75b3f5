import type { FeeOrder, PayFeeOrderResponse, SessionUser } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import type { PaymentDeps } from './deps';
import { toFeeOrderDto } from './fee-order-view';
import { PayGatewayError } from './pay-gateway';
import { findFeeOrder, listFeeOrders, lockFeeOrderStatus, updateFeeOrder, type FeeOrderRow } from './repository';
import { illegalFeeTransition, recordFeeTransition } from './transitions';

/** Window staff's view of one hall's orders (optionally one case's or one state's). */
export async function listHallFeeOrders(deps: PaymentDeps, { hallId, appointmentId, status }: { hallId: string; appointmentId?: string; status?: FeeOrder['status'] }): Promise<FeeOrder[]> {
  return (await listFeeOrders(deps.prisma, { hallId, ...(appointmentId ? { appointmentId } : {}), ...(status ? { status } : {}) })).map(toFeeOrderDto);
}

/** The resident's side: their orders (receipts included) and paying one with WeChat Pay (JSAPI). */
export async function listMyFeeOrders(deps: PaymentDeps, { residentId, status }: { residentId: string; status?: FeeOrder['status'] }): Promise<FeeOrder[]> {
  return (await listFeeOrders(deps.prisma, { residentId, ...(status ? { status } : {}) })).map(toFeeOrderDto);
}

async function ownOrder(deps: PaymentDeps, { residentId, feeOrderId }: { residentId: string; feeOrderId: string }): Promise<FeeOrderRow> {
  const row = await findFeeOrder(deps.prisma, { id: feeOrderId });
  // Someone else's order is indistinguishable from a missing one.
  if (!row || row.residentId !== residentId) throw new AppError('NOT_FOUND', { message: '缴费单不存在' });
  return row;
}

export async function getMyFeeOrder(deps: PaymentDeps, input: { residentId: string; feeOrderId: string }): Promise<FeeOrder> {
  return toFeeOrderDto(await ownOrder(deps, input));
}

export const payUnavailable = (): AppError => new AppError('SERVICE_UNAVAILABLE', { message: '微信支付暂时不可用，请稍后重试' });

/**
 * Creates the JSAPI prepay order (or re-reads it: the parameters are derived from the fee order
 * alone, so WeChat Pay answers a repeat with the same prepay_id) and returns signed requestPayment
 * parameters. CREATED → PAYING on the first call; later calls only re-sign.
 */
export async function payFeeOrder(deps: PaymentDeps, { resident, feeOrderId, requestId }: { resident: SessionUser; feeOrderId: string; requestId: string }): Promise<PayFeeOrderResponse> {
  if (!deps.pay) throw new AppError('SERVICE_UNAVAILABLE', { message: '在线支付暂未开通，请到窗口缴费' });
  const order = await ownOrder(deps, { residentId: resident.id, feeOrderId });
  if (order.status !== 'CREATED' && order.status !== 'PAYING') throw illegalFeeTransition('PREPAY', order.status);
  if (order.expiresAt.getTime() <= deps.now().getTime()) throw new AppError('ILLEGAL_TRANSITION', { message: '缴费单已过期，请联系窗口重新开具' });

  let payment;
  try {
    payment = await deps.pay.gateway.createJsapiOrder({
      outTradeNo: order.outTradeNo, description: order.description, amountFen: order.amountFen, payerOpenid: order.resident.openid, timeExpire: order.expiresAt, attach: order.id,
    });
  } catch (error) {
    if (error instanceof PayGatewayError && error.code === 'ORDERPAID') throw new AppError('ILLEGAL_TRANSITION', { message: '该缴费单已支付，请稍后刷新查看' });
    if (error instanceof PayGatewayError && error.code === 'ORDER_CLOSED') throw new AppError('ILLEGAL_TRANSITION', { message: '该缴费单已关闭' });
    throw new AppError('SERVICE_UNAVAILABLE', { message: '微信支付暂时不可用，请稍后重试', cause: error, retryAfterSeconds: 5 });
  }
  const prepayId = payment.package.slice('prepay_id='.length);
  await inTransaction(deps.prisma, async (tx) => {
    const status = await lockFeeOrderStatus(tx, order.id);
    if (status === 'CREATED') {
      await recordFeeTransition(tx, { feeOrderId: order.id, action: 'PREPAY', from: status, to: 'PAYING', patch: { prepayId }, actor: { type: 'RESIDENT', userId: resident.id, role: 'RESIDENT' }, requestId });
    } else if (status === 'PAYING') {
      if (order.prepayId !== prepayId) await updateFeeOrder(tx, order.id, { prepayId });
    } else if (status) {
      // Settled or closed while WeChat Pay was being asked: the parameters would be useless now.
      throw illegalFeeTransition('PREPAY', status);
    }
  });
  const row = await findFeeOrder(deps.prisma, { id: order.id });
  if (!row) throw new AppError('NOT_FOUND', { message: '缴费单不存在' });
  return { feeOrder: toFeeOrderDto(row), payment };
}
