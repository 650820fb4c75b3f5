import {
  feeOrderListResponseSchema,
  feeOrderResponseSchema,
  issueFeeOrderRequestSchema,
  payFeeOrderResponseSchema,
  type FeeOrder,
  type FeeOrderStatus,
  type PayFeeOrderResponse,
} from '@govpocket/shared';
import { bffClient } from './api-client';
import { ApiError } from './api-error';

/** 在线缴费: the resident's fee orders and paying them; window staff issuing them. */

const path = (value: string): string => encodeURIComponent(value);

export async function fetchMyFeeOrders(status?: FeeOrderStatus): Promise<FeeOrder[]> {
  return (await bffClient.request({ path: '/fee-orders', query: { status }, responseSchema: feeOrderListResponseSchema })).items;
}

export async function fetchFeeOrder(id: string): Promise<FeeOrder> {
  return (await bffClient.request({ path: `/fee-orders/${path(id)}`, responseSchema: feeOrderResponseSchema })).feeOrder;
}

/** The prepay order and the signed requestPayment parameters (the order becomes 支付中). */
export function startFeePayment(id: string): Promise<PayFeeOrderResponse> {
  return bffClient.request({ method: 'POST', path: `/fee-orders/${path(id)}/pay`, body: {}, responseSchema: payFeeOrderResponseSchema });
}

export async function fetchAppointmentFeeOrders({ hallId, appointmentId }: { hallId: string; appointmentId: string }): Promise<FeeOrder[]> {
  return (await bffClient.request({ path: `/staff/halls/${path(hallId)}/fee-orders`, query: { appointmentId }, responseSchema: feeOrderListResponseSchema })).items;
}

/** Staff issue; `idempotencyKey` is kept by the caller across retries of the same submission. */
export async function issueFeeOrder({ hallId, appointmentId, amountFen, idempotencyKey }: { hallId: string; appointmentId: string; amountFen?: number; idempotencyKey: string }): Promise<FeeOrder> {
  const parsed = issueFeeOrderRequestSchema.safeParse({ appointmentId, amountFen });
  if (!parsed.success) throw new ApiError('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? '请检查填写的内容');
  return (
    await bffClient.request({
      method: 'POST',
      path: `/staff/halls/${path(hallId)}/fee-orders`,
      body: parsed.data,
      headers: { 'Idempotency-Key': idempotencyKey },
      responseSchema: feeOrderResponseSchema,
    })
  ).feeOrder;
}
