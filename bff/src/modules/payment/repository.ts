import { randomBytes } from 'node:crypto';
import type { FeeOrderStatus, Prisma, PrismaClient, RefundStatus } from '@govpocket/db';

/** Fee orders, payments, refunds and their notifications: the only Prisma code of the module. */
export type Db = PrismaClient | Prisma.TransactionClient;

const feeOrderStatuses: readonly FeeOrderStatus[] = ['CREATED', 'PAYING', 'PAID', 'CLOSED', 'REFUNDING', 'REFUNDED', 'REFUND_FAILED'];

export const feeOrderSelect = {
  id: true,
  outTradeNo: true,
  appointmentId: true,
  itemId: true,
  hallId: true,
  residentId: true,
  issuedById: true,
  idempotencyKey: true,
  description: true,
  amountFen: true,
  status: true,
  prepayId: true,
  expiresAt: true,
  paidAt: true,
  closedAt: true,
  refundedAmountFen: true,
  createdAt: true,
  item: { select: { name: true, feeStandard: true, feeBasis: true } },
  hall: { select: { name: true } },
  resident: { select: { openid: true } },
  payment: { select: { transactionId: true, successAt: true, amountFen: true } },
  refunds: { select: { id: true, outRefundNo: true, refundId: true, amountFen: true, status: true, reason: true, succeededAt: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.FeeOrderSelect;

export type FeeOrderRow = Prisma.FeeOrderGetPayload<{ select: typeof feeOrderSelect }>;

export async function findFeeOrder(db: Db, where: { id: string } | { outTradeNo: string }): Promise<FeeOrderRow | null> {
  return db.feeOrder.findUnique({ where, select: feeOrderSelect });
}

export async function findFeeOrderByIssueKey(db: Db, { issuedById, idempotencyKey }: { issuedById: string; idempotencyKey: string }): Promise<FeeOrderRow | null> {
  return db.feeOrder.findUnique({ where: { issuedById_idempotencyKey: { issuedById, idempotencyKey } }, select: feeOrderSelect });
}

export async function listFeeOrders(db: Db, where: Prisma.FeeOrderWhereInput, take = 100): Promise<FeeOrderRow[]> {
  return db.feeOrder.findMany({ where, select: feeOrderSelect, orderBy: { createdAt: 'desc' }, take });
}

/** The row lock that serialises every change of one order (notifications, jobs, staff). */
export async function lockFeeOrderStatus(tx: Prisma.TransactionClient, id: string): Promise<FeeOrderStatus | null> {
  const rows = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM FeeOrder WHERE id = ${id} FOR UPDATE`;
  return feeOrderStatuses.find((status) => status === rows[0]?.status) ?? null;
}

export async function updateFeeOrder(tx: Prisma.TransactionClient, id: string, data: Prisma.FeeOrderUncheckedUpdateInput): Promise<void> {
  await tx.feeOrder.update({ where: { id }, data, select: { id: true } });
}

export async function insertFeeOrder(tx: Prisma.TransactionClient, data: Prisma.FeeOrderUncheckedCreateInput): Promise<string> {
  return (await tx.feeOrder.create({ data, select: { id: true } })).id;
}

export async function appendFeeOrderEvent(tx: Prisma.TransactionClient, data: Prisma.FeeOrderEventUncheckedCreateInput): Promise<void> {
  await tx.feeOrderEvent.create({ data, select: { id: true } });
}

export async function findAppointmentForFee(db: Db, { id, hallId }: { id: string; hallId: string }) {
  return db.appointment.findFirst({
    where: { id, hallId },
    select: {
      id: true, status: true, residentId: true, itemId: true, hallId: true,
      item: { select: { name: true, isCharged: true, isOnlinePaymentEnabled: true, feeAmountFen: true, feeStandard: true, feeBasis: true } },
      hall: { select: { name: true } },
    },
  });
}

export async function countActiveFeeOrders(db: Db, appointmentId: string): Promise<number> {
  return db.feeOrder.count({ where: { appointmentId, status: { notIn: ['CLOSED', 'REFUNDED'] } } });
}

export async function insertPayment(tx: Prisma.TransactionClient, data: Prisma.PaymentUncheckedCreateInput): Promise<string> {
  return (await tx.payment.create({ data, select: { id: true } })).id;
}

export async function findPaymentId(db: Db, feeOrderId: string): Promise<string | null> {
  return (await db.payment.findUnique({ where: { feeOrderId }, select: { id: true } }))?.id ?? null;
}

export const refundSelect = { id: true, feeOrderId: true, outRefundNo: true, refundId: true, amountFen: true, status: true, reason: true, succeededAt: true, createdAt: true } satisfies Prisma.RefundSelect;
export type RefundRow = Prisma.RefundGetPayload<{ select: typeof refundSelect }>;

export async function findRefund(db: Db, outRefundNo: string): Promise<RefundRow | null> {
  return db.refund.findUnique({ where: { outRefundNo }, select: refundSelect });
}

export async function insertRefund(tx: Prisma.TransactionClient, data: Prisma.RefundUncheckedCreateInput): Promise<RefundRow> {
  return tx.refund.create({ data, select: refundSelect });
}

export async function updateRefund(tx: Db, id: string, data: Prisma.RefundUncheckedUpdateInput): Promise<void> {
  await tx.refund.update({ where: { id }, data, select: { id: true } });
}

/** Refunds recorded but not yet accepted by WeChat Pay, or accepted and still unsettled. */
export async function listRefundsIn(db: Db, statuses: RefundStatus[], take = 100): Promise<RefundRow[]> {
  return db.refund.findMany({ where: { status: { in: statuses } }, select: refundSelect, orderBy: { createdAt: 'asc' }, take });
}

export type NotificationRecord = {
  notificationId: string;
  eventType: string;
  outTradeNo?: string;
  outRefundNo?: string;
  transactionId?: string;
  payload: unknown;
};

/**
 * Records a notification id once (INSERT IGNORE on its unique key): concurrent deliveries of one
 * notification queue behind the first transaction, and all but one see `false`.
 */
export async function recordNotification(tx: Prisma.TransactionClient, record: NotificationRecord): Promise<boolean> {
  const id = randomBytes(12).toString('hex');
  const inserted = await tx.$executeRaw`INSERT IGNORE INTO PaymentNotification (id, notificationId, eventType, outTradeNo, outRefundNo, transactionId, payload, status, processedAt, createdAt)
    VALUES (${id}, ${record.notificationId}, ${record.eventType}, ${record.outTradeNo ?? null}, ${record.outRefundNo ?? null}, ${record.transactionId ?? null}, ${JSON.stringify(record.payload)}, 'PROCESSED', NOW(3), NOW(3))`;
  return inserted === 1;
}

export async function listOrdersToQuery(db: Db, { olderThan, take = 100 }: { olderThan: Date; take?: number }): Promise<FeeOrderRow[]> {
  return db.feeOrder.findMany({ where: { status: 'PAYING', updatedAt: { lt: olderThan } }, select: feeOrderSelect, orderBy: { updatedAt: 'asc' }, take });
}

export async function listExpiredOrders(db: Db, { now, take = 100 }: { now: Date; take?: number }): Promise<FeeOrderRow[]> {
  return db.feeOrder.findMany({ where: { status: { in: ['CREATED', 'PAYING'] }, expiresAt: { lte: now } }, select: feeOrderSelect, orderBy: { expiresAt: 'asc' }, take });
}

/** Every order that had money movement or an open payment in [from, to). */
export async function listOrdersTouchedBetween(db: Db, { from, to }: { from: Date; to: Date }): Promise<FeeOrderRow[]> {
  return db.feeOrder.findMany({
    where: { updatedAt: { gte: from, lt: to }, status: { not: 'CREATED' } },
    select: feeOrderSelect,
    orderBy: { createdAt: 'asc' },
  });
}
