import type { Prisma } from '@govpocket/db';
import { writeAudit } from '../../platform/audit';
import { inTransaction } from '../../platform/db/transaction';
import { addLocalDays, atLocalTime, localDateOf } from '../calendar/shanghai-time';
import type { ScheduledJob } from '../notification';
import type { Logger } from '../../platform/logger';
import type { PaymentDeps } from './deps';
import { expiringCertificates } from './merchant';
import { PayGatewayError } from './pay-gateway';
import { listExpiredOrders, listOrdersToQuery, listOrdersTouchedBetween, listRefundsIn, lockFeeOrderStatus, type FeeOrderRow } from './repository';
import { settleRefund, submitRefund } from './refunds';
import { settleTransaction } from './settle-payment';
import { recordFeeTransition, systemActor } from './transitions';

/**
 * The payment module's recurring work. Each handler is a plain function of (deps, { now }) that
 * tests call directly; each is idempotent (settling and closing check the order's state under
 * its row lock, refunds reuse their out_refund_no).
 */

/**
 * Orders in PAYING whose notification has not come for `quietForMs`: ask WeChat Pay and settle
 * what was paid. (Measured on the system clock, like the database's updatedAt.)
 */
export async function settleUnnotifiedPayments(deps: PaymentDeps, { quietForMs = 60_000 }: { quietForMs?: number } = {}): Promise<{ checked: number; settled: number }> {
  const report = { checked: 0, settled: 0 };
  if (!deps.pay) return report;
  for (const order of await listOrdersToQuery(deps.prisma, { olderThan: new Date(Date.now() - quietForMs) })) {
    report.checked += 1;
    const transaction = await deps.pay.gateway.queryOrder(order.outTradeNo).catch(() => null);
    if (transaction && (await settleTransaction(deps, { transaction }).catch(() => 'NOT_PAID')) === 'PAID') report.settled += 1;
  }
  return report;
}

async function closeLocally(deps: PaymentDeps, order: FeeOrderRow, now: Date): Promise<boolean> {
  return inTransaction(deps.prisma, async (tx) => {
    const status = await lockFeeOrderStatus(tx, order.id);
    if (status !== 'CREATED' && status !== 'PAYING') return false;
    await recordFeeTransition(tx, { feeOrderId: order.id, action: 'CLOSE', from: status, to: 'CLOSED', actor: systemActor, patch: { closedAt: now }, reason: '超时未支付，订单已关闭' });
    return true;
  });
}

/** Unpaid orders past their expiry: closed at WeChat Pay first (so nobody can pay them), then here. */
export async function closeExpiredOrders(deps: PaymentDeps, { now }: { now: Date }): Promise<{ closed: number; settled: number }> {
  const report = { closed: 0, settled: 0 };
  for (const order of await listExpiredOrders(deps.prisma, { now })) {
    if (order.prepayId && deps.pay) {
      try {
        await deps.pay.gateway.closeOrder(order.outTradeNo);
      } catch (error) {
        if (error instanceof PayGatewayError && error.code === 'ORDERPAID') {
          // Paid at the last moment: settle instead of closing.
          const transaction = await deps.pay.gateway.queryOrder(order.outTradeNo);
          if ((await settleTransaction(deps, { transaction })) === 'PAID') report.settled += 1;
          continue;
        }
        // ORDER_NOT_EXIST: never reached WeChat Pay, nothing to close there. Anything else: try next tick.
        if (!(error instanceof PayGatewayError && error.code === 'ORDER_NOT_EXIST')) continue;
      }
    }
    if (await closeLocally(deps, order, now)) report.closed += 1;
  }
  return report;
}

/** Refunds still PENDING are (re)submitted; PROCESSING ones quiet for `quietForMs` (system clock) are queried. */
export async function syncRefunds(deps: PaymentDeps, { quietForMs = 60_000 }: { quietForMs?: number } = {}): Promise<{ submitted: number; settled: number }> {
  const report = { submitted: 0, settled: 0 };
  if (!deps.pay) return report;
  for (const refund of await listRefundsIn(deps.prisma, ['PENDING'])) {
    await submitRefund(deps, refund);
    report.submitted += 1;
  }
  for (const refund of await listRefundsIn(deps.prisma, ['PROCESSING'])) {
    if (Date.now() - refund.createdAt.getTime() < quietForMs) continue;
    const record = await deps.pay.gateway.queryRefund(refund.outRefundNo).catch(() => null);
    if (record && (await settleRefund(deps, { record }).catch(() => 'PENDING')) === 'APPLIED') report.settled += 1;
  }
  return report;
}

export type ReconciliationMismatch = { orderNo: string; kind: 'STATE' | 'AMOUNT' | 'TRANSACTION' | 'REFUND' | 'MISSING_AT_WECHAT'; ours: string; theirs: string };
export type ReconciliationReport = { date: string; checked: number; mismatches: ReconciliationMismatch[] };

const expectedTradeStates: Record<FeeOrderRow['status'], readonly string[]> = {
  CREATED: ['NOTPAY'],
  PAYING: ['NOTPAY', 'USERPAYING', 'PAYERROR'],
  PAID: ['SUCCESS', 'REFUND'],
  REFUNDING: ['SUCCESS', 'REFUND'],
  REFUNDED: ['REFUND'],
  REFUND_FAILED: ['SUCCESS', 'REFUND'],
  CLOSED: ['CLOSED', 'NOTPAY'],
};

async function reconcileOrder(deps: PaymentDeps, order: FeeOrderRow, mismatches: ReconciliationMismatch[]): Promise<void> {
  if (!deps.pay) return;
  const mismatch = (kind: ReconciliationMismatch['kind'], ours: string, theirs: string) => mismatches.push({ orderNo: order.outTradeNo, kind, ours, theirs });
  let theirs;
  try {
    theirs = await deps.pay.gateway.queryOrder(order.outTradeNo);
  } catch (error) {
    const isMissing = error instanceof PayGatewayError && error.code === 'ORDER_NOT_EXIST';
    // A closed order that never reached WeChat Pay has nothing to compare.
    if (isMissing && order.status === 'CLOSED' && !order.prepayId) return;
    mismatch('MISSING_AT_WECHAT', order.status, isMissing ? 'ORDER_NOT_EXIST' : 'QUERY_FAILED');
    return;
  }
  if (!expectedTradeStates[order.status].includes(theirs.trade_state)) mismatch('STATE', order.status, theirs.trade_state);
  if (theirs.amount.total !== order.amountFen) mismatch('AMOUNT', String(order.amountFen), String(theirs.amount.total));
  if ((order.payment?.transactionId ?? null) !== (theirs.transaction_id ?? null)) mismatch('TRANSACTION', order.payment?.transactionId ?? '-', theirs.transaction_id ?? '-');
  for (const refund of order.refunds) {
    // Not yet submitted, or refused by WeChat Pay before it existed there: nothing to compare.
    if (refund.status === 'PENDING' || (refund.status === 'CLOSED' && refund.refundId === null)) continue;
    const record = await deps.pay.gateway.queryRefund(refund.outRefundNo).catch(() => null);
    const theirStatus = record?.status ?? 'NOT_FOUND';
    const ours = { SUCCEEDED: 'SUCCESS', PROCESSING: 'PROCESSING', CLOSED: 'CLOSED', ABNORMAL: 'ABNORMAL', PENDING: 'PENDING' }[refund.status];
    if (theirStatus !== ours || record?.amount.refund !== refund.amountFen) mismatch('REFUND', `${refund.outRefundNo} ${ours} ${refund.amountFen}`, `${theirStatus} ${record?.amount.refund ?? '-'}`);
  }
}

/**
 * Daily reconciliation (对账) of one Shanghai day: every order that changed that day, compared
 * with WeChat Pay's own record of it (state, amount, transaction id, each refund). Mismatches are
 * returned, logged by the job and kept in the audit log for finance staff.
 */
export async function reconcilePayments(deps: PaymentDeps, { date }: { date: string }): Promise<ReconciliationReport> {
  const from = atLocalTime(date, '00:00');
  const to = atLocalTime(addLocalDays(date, 1), '00:00');
  const orders = await listOrdersTouchedBetween(deps.prisma, { from, to });
  const mismatches: ReconciliationMismatch[] = [];
  for (const order of orders) await reconcileOrder(deps, order, mismatches);
  const report: ReconciliationReport = { date, checked: orders.length, mismatches };
  await inTransaction(deps.prisma, (tx) => writeAudit(tx, {
    actorUserId: null, actorRole: null, action: 'PAYMENT_RECONCILIATION', entityType: 'PaymentDay', entityId: date,
    after: report as unknown as Prisma.InputJsonValue,
  }));
  return report;
}

/**
 * A platform certificate about to expire is logged as a warning (daily, 30 days ahead), so its
 * successor is added to WECHATPAY_PLATFORM_CERTIFICATE before notifications signed with it arrive.
 */
export function warnExpiringCertificates(deps: PaymentDeps, { logger, now, withinDays = 30 }: { logger: Pick<Logger, 'warn'>; now: Date; withinDays?: number }) {
  const expiring = deps.pay ? expiringCertificates(deps.pay.merchant, { now, withinDays }) : [];
  for (const certificate of expiring) {
    logger.warn({ event: 'wechatpay_certificate_expiring', ...certificate }, 'WeChat Pay platform certificate expires soon: configure its successor');
  }
  return expiring;
}

export function paymentScheduledJobs(deps: PaymentDeps): ScheduledJob[] {
  return [
    {
      name: 'payment-certificate-expiry',
      pattern: '0 9 * * *',
      handler: async ({ logger }) => {
        warnExpiringCertificates(deps, { logger, now: new Date() });
      },
    },
    {
      name: 'payment-query-unnotified',
      every: 60_000,
      handler: async ({ logger }) => {
        const report = await settleUnnotifiedPayments(deps);
        if (report.settled > 0) logger.info(report, 'payments settled by query');
      },
    },
    {
      name: 'payment-close-expired',
      every: 60_000,
      handler: async ({ logger }) => {
        const report = await closeExpiredOrders(deps, { now: deps.now() });
        if (report.closed > 0 || report.settled > 0) logger.info(report, 'expired fee orders closed');
      },
    },
    {
      name: 'payment-refund-sync',
      every: 60_000,
      handler: async () => {
        await syncRefunds(deps);
      },
    },
    {
      name: 'payment-reconciliation',
      pattern: '30 2 * * *',
      handler: async ({ logger }) => {
        const report = await reconcilePayments(deps, { date: addLocalDays(localDateOf(deps.now()), -1) });
        if (report.mismatches.length > 0) logger.warn(report, 'payment reconciliation found mismatches');
        else logger.info({ date: report.date, checked: report.checked }, 'payment reconciliation clean');
      },
    },
  ];
}
