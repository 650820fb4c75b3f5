import { feeOrderStatusLabels, pageLinks, refundStatusLabels, type FeeOrder } from '@govpocket/shared';
import type { FeeOrderRow } from './repository';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** The fee order as residents and staff see it; never the Prisma row itself. */
export function toFeeOrderDto(row: FeeOrderRow): FeeOrder {
  return {
    id: row.id,
    orderNo: row.outTradeNo,
    appointmentId: row.appointmentId,
    status: row.status,
    statusLabel: feeOrderStatusLabels[row.status],
    itemName: row.item.name,
    hallName: row.hall.name,
    description: row.description,
    amountFen: row.amountFen,
    feeStandard: row.item.feeStandard,
    feeBasis: row.item.feeBasis,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    paidAt: iso(row.paidAt),
    transactionId: row.payment?.transactionId ?? null,
    refundedAmountFen: row.refundedAmountFen,
    refunds: row.refunds.map((refund) => ({
      id: refund.id,
      outRefundNo: refund.outRefundNo,
      amountFen: refund.amountFen,
      status: refund.status,
      statusLabel: refundStatusLabels[refund.status],
      reason: refund.reason,
      succeededAt: iso(refund.succeededAt),
      createdAt: refund.createdAt.toISOString(),
    })),
  };
}

/** The mini-program page a fee notification opens. */
export const feeOrderLink = pageLinks.feeOrder;
