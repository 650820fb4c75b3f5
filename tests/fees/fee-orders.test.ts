import { createVerify } from 'node:crypto';
import { feeOrderListResponseSchema, feeOrderResponseSchema, payFeeOrderResponseSchema } from '@govpocket/shared';
import { eventually } from '../support/eventually';
import { createStaff } from '../support/factories';
import { createBookingHall } from '../booking/booking-env';
import { api, bookingKey, checkedInCase, issue, notificationCount, orderStatus, payingOrder, startFeesEnv, type FeesEnv } from './fees-env';

/** Staff issue fee orders, residents pay them with WeChat Pay (JSAPI) and keep receipts. */
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

describe('issuing a fee order', () => {
  it('issues the item’s fee with its basis, notifies the resident, and answers a retry with the same order', async () => {
    const { resident, appointmentId } = await checkedInCase(env);
    const key = bookingKey();
    const first = await issue(env, { appointmentId }, key);
    expect(first.status).toBe(201);
    const { feeOrder } = feeOrderResponseSchema.parse(first.body);
    expect(feeOrder).toMatchObject({ status: 'CREATED', statusLabel: '待支付', amountFen: 2000, feeBasis: '《清江市行政事业性收费目录》第 12 项', feeStandard: '每件 20 元', appointmentId });
    expect(feeOrder.orderNo).toMatch(/^GP20261125[0-9A-F]{14}$/);
    expect(new Date(feeOrder.expiresAt).getTime() - new Date(feeOrder.createdAt).getTime()).toBeGreaterThan(29 * 60_000);

    const retry = await issue(env, { appointmentId }, key);
    expect(retry.status).toBe(200);
    expect(feeOrderResponseSchema.parse(retry.body).feeOrder.id).toBe(feeOrder.id);
    expect((await issue(env, { appointmentId, amountFen: 999 }, key)).status).toBe(422);
    const second = await issue(env, { appointmentId });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe('该预约已有未关闭的缴费单');

    const listed = feeOrderListResponseSchema.parse((await api(env).get(`/staff/halls/${env.hall.hallId}/fee-orders?appointmentId=${appointmentId}`).set(env.staff.auth)).body);
    expect(listed.items.map((item) => item.id)).toEqual([feeOrder.id]);
    expect(await notificationCount(env, resident.userId, 'FEE_ORDER_ISSUED')).toBe(1);
    expect(await env.prisma.outboxEvent.count({ where: { userId: resident.userId, eventType: 'FEE_ORDER_ISSUED' } })).toBe(1);
    const message = await env.prisma.notification.findFirstOrThrow({ where: { userId: resident.userId, eventType: 'FEE_ORDER_ISSUED' }, select: { body: true } });
    expect(message.body).toContain('￥20.00');
    const audit = await env.prisma.auditLog.count({ where: { entityType: 'FeeOrder', entityId: feeOrder.id, action: 'FEE_ORDER_ISSUE' } });
    expect(audit).toBe(1);
  });

  it('expires unpaid orders after the fee.orderExpireMinutes setting', async () => {
    await env.prisma.setting.create({ data: { key: 'fee.orderExpireMinutes', value: 45 } });
    try {
      const { appointmentId } = await checkedInCase(env, '11:00');
      const issued = await issue(env, { appointmentId });
      expect(issued.status).toBe(201);
      const { feeOrder } = feeOrderResponseSchema.parse(issued.body);
      expect(new Date(feeOrder.expiresAt).getTime() - new Date(feeOrder.createdAt).getTime()).toBe(45 * 60_000);
    } finally {
      await env.prisma.setting.delete({ where: { key: 'fee.orderExpireMinutes' } });
    }
  });

  it('refuses cases not yet accepted, items without online payment, bad amounts and other halls’ staff', async () => {
    const { appointmentId } = await checkedInCase(env, '12:00');
    const other = await createBookingHall(env, { rules: [{ weekdays: [3], startTime: '09:00', endTime: '10:00', capacity: 1 }] });
    const stranger = await createStaff(env, [{ role: 'WINDOW_STAFF', hallId: other.hallId }]);
    expect((await api(env).post(`/staff/halls/${env.hall.hallId}/fee-orders`).set(stranger.auth).set('Idempotency-Key', bookingKey()).send({ appointmentId })).status).toBe(403);
    expect((await api(env).post(`/staff/halls/${other.hallId}/fee-orders`).set(stranger.auth).set('Idempotency-Key', bookingKey()).send({ appointmentId })).status).toBe(404);
    expect((await issue(env, { appointmentId, amountFen: 12.5 })).status).toBe(400);
    expect((await issue(env, { appointmentId, amountFen: -1 })).status).toBe(400);
    expect((await api(env).post(`/staff/halls/${env.hall.hallId}/fee-orders`).set(env.staff.auth).send({ appointmentId })).status).toBe(400);

    await env.prisma.serviceItem.update({ where: { id: env.itemId }, data: { isOnlinePaymentEnabled: false } });
    try {
      const refused = await issue(env, { appointmentId });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain('未开通在线缴费');
    } finally {
      await env.prisma.serviceItem.update({ where: { id: env.itemId }, data: { isOnlinePaymentEnabled: true } });
    }

    const { appointmentId: notCheckedIn } = await (async () => {
      const booked = await checkedInCase(env, '13:00');
      await env.prisma.appointment.update({ where: { id: booked.appointmentId }, data: { status: 'BOOKED' } });
      return booked;
    })();
    const early = await issue(env, { appointmentId: notCheckedIn });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('受理后才能开具缴费单');
  });
});

describe('paying', () => {
  it('returns requestPayment parameters signed with the merchant key, then settles on the notification', async () => {
    const { resident, appointmentId } = await checkedInCase(env);
    const { feeOrder } = feeOrderResponseSchema.parse((await issue(env, { appointmentId, amountFen: 3650 })).body);
    const paid = await api(env).post(`/fee-orders/${feeOrder.id}/pay`).set(resident.auth).send({});
    expect(paid.status).toBe(200);
    const { payment, feeOrder: paying } = payFeeOrderResponseSchema.parse(paid.body);
    expect(paying.status).toBe('PAYING');
    expect(payment).toMatchObject({ appId: env.fake.appid, signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) });
    const message = `${payment.appId}\n${payment.timeStamp}\n${payment.nonceStr}\n${payment.package}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(env.fake.merchant.certificatePem, payment.paySign, 'base64')).toBe(true);
    const atFake = env.fake.state.orders.get(feeOrder.orderNo);
    expect(atFake).toMatchObject({ total: 3650, payerOpenid: resident.openid, notifyUrl: `${env.notifyBase}/payments/wechatpay/notify/transaction` });

    // Asking again re-signs the same prepay order.
    const again = payFeeOrderResponseSchema.parse((await api(env).post(`/fee-orders/${feeOrder.id}/pay`).set(resident.auth).send({})).body);
    expect(again.payment.package).toBe(payment.package);
    expect(env.fake.state.orders.size).toBeGreaterThan(0);

    const settled = env.fake.control.settleOrder(feeOrder.orderNo);
    expect(await eventually(() => orderStatus(env, feeOrder.id), (status) => status === 'PAID', 5000)).toBe('PAID');
    await env.fake.control.idle();
    const delivery = env.fake.control.deliveries().find((record) => record.subject === feeOrder.orderNo);
    expect(delivery).toMatchObject({ status: 'acknowledged', attempts: [expect.objectContaining({ status: 204 })] });
    expect(await notificationCount(env, resident.userId, 'PAYMENT_SUCCEEDED')).toBe(1);

    const receipts = feeOrderListResponseSchema.parse((await api(env).get('/fee-orders?status=PAID').set(resident.auth)).body);
    expect(receipts.items).toEqual([expect.objectContaining({ id: feeOrder.id, amountFen: 3650, itemName: expect.stringContaining('测试预约事项'), transactionId: settled.transactionId, paidAt: expect.any(String) })]);
    const someoneElse = await checkedInCase(env, '14:00');
    expect((await api(env).get(`/fee-orders/${feeOrder.id}`).set(someoneElse.resident.auth)).status).toBe(404);
    expect((await api(env).post(`/fee-orders/${feeOrder.id}/pay`).set(resident.auth).send({})).status).toBe(409);
  });

  it('verifies notifications signed under the platform certificate serial too', async () => {
    const { resident, order } = await payingOrder(env);
    env.fake.control.setResponseSerial('certificate');
    try {
      env.fake.control.settleOrder(order.orderNo);
      expect(await eventually(() => orderStatus(env, order.id), (status) => status === 'PAID', 5000)).toBe('PAID');
      await env.fake.control.idle();
      const delivery = env.fake.control.deliveries().find((record) => record.subject === order.orderNo);
      expect(delivery?.status).toBe('acknowledged');
      expect(await notificationCount(env, resident.userId, 'PAYMENT_SUCCEEDED')).toBe(1);
    } finally {
      env.fake.control.setResponseSerial('public-key-id');
    }
  });

  it('applies the same notification delivered five times at once exactly once', async () => {
    const { resident, order } = await payingOrder(env);
    env.setCapture(true);
    const before = env.captured.length;
    env.fake.control.settleOrder(order.orderNo);
    await env.fake.control.idle();
    env.setCapture(false);
    const deliveries = env.captured.slice(before).filter((push) => push.path.endsWith('/notify/transaction'));
    expect(deliveries.length).toBeGreaterThanOrEqual(5);
    expect(new Set(deliveries.map((push) => push.body)).size).toBe(1);
    expect(new Set(deliveries.map((push) => push.headers['wechatpay-nonce'])).size).toBe(deliveries.length);

    const send = (push: (typeof deliveries)[number]) => api(env).post(push.path).set({
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': push.headers['wechatpay-timestamp'] ?? '',
      'Wechatpay-Nonce': push.headers['wechatpay-nonce'] ?? '',
      'Wechatpay-Signature': push.headers['wechatpay-signature'] ?? '',
      'Wechatpay-Serial': push.headers['wechatpay-serial'] ?? '',
    }).send(push.body);
    const answers = await Promise.all(deliveries.slice(0, 5).map(send));
    expect(answers.map((answer) => answer.status)).toEqual([204, 204, 204, 204, 204]);
    expect(await orderStatus(env, order.id)).toBe('PAID');
    expect(await env.prisma.payment.count({ where: { feeOrderId: order.id } })).toBe(1);
    expect(await env.prisma.feeOrderEvent.count({ where: { feeOrderId: order.id, toStatus: 'PAID' } })).toBe(1);
    expect(await notificationCount(env, resident.userId, 'PAYMENT_SUCCEEDED')).toBe(1);
    expect(await env.prisma.paymentNotification.count({ where: { outTradeNo: order.orderNo } })).toBe(1);

    // The very same request again (same nonce) is a replay.
    const [firstPush] = deliveries;
    if (!firstPush) throw new Error('no delivery captured');
    const replay = await send(firstPush);
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({ code: 'FAIL', message: '重复的通知请求' });
  });
});
