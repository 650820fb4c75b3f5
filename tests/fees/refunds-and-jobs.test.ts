import { feeOrderResponseSchema, hallCancelResponseSchema } from '@govpocket/shared';
import { localDateOf } from '../../bff/src/modules/calendar/shanghai-time';
import { closeExpiredOrders, reconcilePayments, settleUnnotifiedPayments, syncRefunds } from '../../bff/src/modules/payment';
import { eventually } from '../support/eventually';
import { api, bookingKey, checkedInCase, issue, notificationCount, orderStatus, payingOrder, startFeesEnv, type FeesEnv } from './fees-env';

/** What happens after the payment: lost notifications, expiry, refunds, reconciliation. */
let env: FeesEnv;

beforeAll(async () => {
  env = await startFeesEnv('2026-11-25 08:00');
}, 60000);
afterAll(async () => {
  await env.close();
});
beforeEach(() => {
  env.setNow('2026-11-25 08:00');
  env.setCapture(false);
});

async function paidOrder() {
  const paying = await payingOrder(env);
  env.fake.control.settleOrder(paying.order.orderNo);
  expect(await eventually(() => orderStatus(env, paying.order.id), (status) => status === 'PAID', 5000)).toBe('PAID');
  return paying;
}

const refund = (orderId: string, body: object, key = bookingKey()) =>
  api(env).post(`/staff/halls/${env.hall.hallId}/fee-orders/${orderId}/refunds`).set(env.staff.auth).set('Idempotency-Key', key).send(body);

async function refundsOf(orderId: string) {
  return env.prisma.refund.findMany({ where: { feeOrderId: orderId }, orderBy: { createdAt: 'asc' }, select: { outRefundNo: true, amountFen: true, status: true } });
}

describe('jobs', () => {
  it('settles an order whose notification was lost by querying WeChat Pay', async () => {
    const { resident, order } = await payingOrder(env);
    env.setCapture(true);
    env.fake.control.settleOrder(order.orderNo);
    await env.fake.control.idle();
    env.setCapture(false);
    expect(await orderStatus(env, order.id)).toBe('PAYING');

    const report = await settleUnnotifiedPayments(env.payment, { quietForMs: 0 });
    expect(report.settled).toBe(1);
    expect(await orderStatus(env, order.id)).toBe('PAID');
    const payment = await env.prisma.payment.findUniqueOrThrow({ where: { feeOrderId: order.id }, select: { transactionId: true } });
    expect(payment.transactionId).toBe(env.fake.state.orders.get(order.orderNo)?.transactionId);
    expect(await notificationCount(env, resident.userId, 'PAYMENT_SUCCEEDED')).toBe(1);
    expect((await settleUnnotifiedPayments(env.payment, { quietForMs: 0 })).settled).toBe(0);
  });

  it('closes unpaid orders after 30 minutes, here and at WeChat Pay', async () => {
    const { resident, order } = await payingOrder(env);
    const { appointmentId } = await checkedInCase(env, '15:00');
    const { feeOrder: neverPaid } = feeOrderResponseSchema.parse((await issue(env, { appointmentId })).body);

    env.setNow('2026-11-25 08:20');
    expect((await closeExpiredOrders(env.payment, { now: env.clock.now })).closed).toBe(0);
    env.setNow('2026-11-25 08:31');
    expect(await closeExpiredOrders(env.payment, { now: env.clock.now })).toEqual({ closed: 2, settled: 0 });
    expect(await orderStatus(env, order.id)).toBe('CLOSED');
    expect(await orderStatus(env, neverPaid.id)).toBe('CLOSED');
    expect(env.fake.state.orders.get(order.orderNo)?.tradeState).toBe('CLOSED');
    const again = await api(env).post(`/fee-orders/${order.id}/pay`).set(resident.auth).send({});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已关闭');
  });

  it('settles instead of closing when the resident paid at the last moment', async () => {
    const { order } = await payingOrder(env);
    env.setCapture(true);
    env.fake.control.settleOrder(order.orderNo);
    await env.fake.control.idle();
    env.setCapture(false);
    env.setNow('2026-11-25 08:45');
    expect(await closeExpiredOrders(env.payment, { now: env.clock.now })).toMatchObject({ settled: 1 });
    expect(await orderStatus(env, order.id)).toBe('PAID');
  });
});

describe('refunds', () => {
  it('refunds in full on staff approval, idempotently, and settles on the refund notification', async () => {
    const { resident, order } = await paidOrder();
    const key = bookingKey();
    const first = await refund(order.id, { reason: '群众申请撤件' }, key);
    expect(first.status).toBe(200);
    expect(feeOrderResponseSchema.parse(first.body).feeOrder).toMatchObject({ status: 'REFUNDING', refunds: [expect.objectContaining({ amountFen: 2000, status: 'PROCESSING' })] });
    const retry = await refund(order.id, { reason: '群众申请撤件' }, key);
    expect(retry.status).toBe(200);
    const refunds = await refundsOf(order.id);
    expect(refunds).toHaveLength(1);
    expect(env.fake.control.refunds().filter((record) => record.outTradeNo === order.orderNo)).toHaveLength(1);
    expect((await refund(order.id, { reason: '再退一次' })).status).toBe(409);

    env.fake.control.settleRefund(refunds[0]?.outRefundNo ?? '');
    expect(await eventually(() => orderStatus(env, order.id), (status) => status === 'REFUNDED', 5000)).toBe('REFUNDED');
    expect(await notificationCount(env, resident.userId, 'PAYMENT_REFUNDED')).toBe(1);
    await env.fake.control.idle();
    // The retried refund after settlement still names the same refund and changes nothing.
    expect((await refund(order.id, { reason: '群众申请撤件' }, key)).status).toBe(200);
    expect(await refundsOf(order.id)).toEqual([expect.objectContaining({ status: 'SUCCEEDED' })]);
  });

  it('refunds partially, then the rest, and refuses more than was paid', async () => {
    const { resident, order } = await paidOrder();
    expect((await refund(order.id, { reason: '多收', amountFen: 2500 })).status).toBe(400);
    expect((await refund(order.id, { reason: '多收', amountFen: 500 })).status).toBe(200);
    const [part] = await refundsOf(order.id);
    env.fake.control.settleRefund(part?.outRefundNo ?? '');
    expect(await eventually(() => env.prisma.feeOrder.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, refundedAmountFen: true } }), (row) => row.refundedAmountFen === 500, 5000))
      .toEqual({ status: 'PAID', refundedAmountFen: 500 });
    expect((await refund(order.id, { reason: '多收', amountFen: 1501 })).status).toBe(400);
    expect((await refund(order.id, { reason: '撤件' })).status).toBe(200);
    const rest = (await refundsOf(order.id))[1];
    expect(rest?.amountFen).toBe(1500);
    env.fake.control.settleRefund(rest?.outRefundNo ?? '');
    expect(await eventually(() => orderStatus(env, order.id), (status) => status === 'REFUNDED', 5000)).toBe('REFUNDED');
    expect(await notificationCount(env, resident.userId, 'PAYMENT_REFUNDED')).toBe(2);
  });

  it('marks a refund WeChat Pay closed as failed, and lets staff try again', async () => {
    const { order } = await paidOrder();
    await refund(order.id, { reason: '撤件' });
    const [failed] = await refundsOf(order.id);
    env.fake.control.settleRefund(failed?.outRefundNo ?? '', 'CLOSED');
    expect(await eventually(() => orderStatus(env, order.id), (status) => status === 'REFUND_FAILED', 5000)).toBe('REFUND_FAILED');
    const retried = await refund(order.id, { reason: '撤件（重新发起）' });
    expect(feeOrderResponseSchema.parse(retried.body).feeOrder.status).toBe('REFUNDING');
    const [, second] = await refundsOf(order.id);
    env.fake.control.settleRefund(second?.outRefundNo ?? '');
    expect(await eventually(() => orderStatus(env, order.id), (status) => status === 'REFUNDED', 5000)).toBe('REFUNDED');
  });

  it('closes a refund WeChat Pay refuses outright, leaving the money refundable', async () => {
    const { order } = await paidOrder();
    // Refunded behind our back (e.g. on the merchant platform): WeChat Pay refuses another full refund.
    const transactionId = env.fake.state.orders.get(order.orderNo)?.transactionId ?? '';
    await env.payment.pay?.gateway.createRefund({ outTradeNo: order.orderNo, outRefundNo: `MANUAL${Date.now()}`, amountFen: 2000, totalFen: 2000, reason: '商户平台退款' });
    expect(transactionId).not.toBe('');
    const refused = await refund(order.id, { reason: '撤件' });
    expect(feeOrderResponseSchema.parse(refused.body).feeOrder).toMatchObject({ status: 'REFUND_FAILED', refundedAmountFen: 0, refunds: [expect.objectContaining({ status: 'CLOSED' })] });
  });

  it('settles a refund whose notification was lost through the refund job', async () => {
    const { order } = await paidOrder();
    await refund(order.id, { reason: '撤件' });
    const [pending] = await refundsOf(order.id);
    env.setCapture(true);
    env.fake.control.settleRefund(pending?.outRefundNo ?? '');
    await env.fake.control.idle();
    env.setCapture(false);
    expect(await orderStatus(env, order.id)).toBe('REFUNDING');
    expect(await syncRefunds(env.payment, { quietForMs: 0 })).toMatchObject({ settled: 1 });
    expect(await orderStatus(env, order.id)).toBe('REFUNDED');
  });

  it('refunds a paid case in full when the hall cancels it', async () => {
    const { resident, order, appointmentId } = await paidOrder();
    const cancelled = await api(env).post(`/staff/halls/${env.hall.hallId}/appointments/${appointmentId}/cancel`).set(env.staff.auth).send({ reason: '系统故障无法办理' });
    expect(cancelled.status).toBe(200);
    expect(hallCancelResponseSchema.parse(cancelled.body).cancelledCount).toBe(1);
    expect(await orderStatus(env, order.id)).toBe('REFUNDING');
    const [hallRefund] = await refundsOf(order.id);
    expect(hallRefund).toMatchObject({ amountFen: 2000, status: 'PROCESSING' });
    expect(env.fake.control.refunds().find((record) => record.outRefundNo === hallRefund?.outRefundNo)).toMatchObject({ refund: 2000, total: 2000 });
    env.fake.control.settleRefund(hallRefund?.outRefundNo ?? '');
    expect(await eventually(() => orderStatus(env, order.id), (status) => status === 'REFUNDED', 5000)).toBe('REFUNDED');
    expect(await notificationCount(env, resident.userId, 'PAYMENT_REFUNDED')).toBe(1);
  });
});

describe('reconciliation', () => {
  it('compares the day’s orders with WeChat Pay’s records and reports mismatches', async () => {
    await env.fake.control.idle();
    const today = localDateOf(new Date());
    const clean = await reconcilePayments(env.payment, { date: today });
    expect(clean.checked).toBeGreaterThan(5);
    expect(clean.mismatches).toEqual([]);

    // Our books say paid, WeChat Pay never saw the money.
    const { order } = await payingOrder(env);
    await env.prisma.feeOrder.update({ where: { id: order.id }, data: { status: 'PAID' } });
    const report = await reconcilePayments(env.payment, { date: today });
    expect(report.mismatches).toEqual([expect.objectContaining({ orderNo: order.orderNo, kind: 'STATE', ours: 'PAID', theirs: 'NOTPAY' })]);
    const audit = await env.prisma.auditLog.findFirst({ where: { action: 'PAYMENT_RECONCILIATION', entityId: today }, orderBy: { createdAt: 'desc' }, select: { after: true } });
    expect(JSON.stringify(audit?.after)).toContain(order.orderNo);
  });
});
