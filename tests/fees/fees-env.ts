import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { feeOrderResponseSchema, payFeeOrderResponseSchema, staffAppointmentResponseSchema, appointmentResponseSchema, type FeeOrder } from '@govpocket/shared';
import type { FakeWechat, FakeWechatOptions } from '@govpocket/fake-wechat';
import { createPaymentDeps, type PaymentDeps } from '../../bff/src/modules/payment';
import type { LoggedIn } from '../support/factories';
import { api, at, book, bookingKey, createBookingHall, createHallStaff, createResident, slotAt, startBookingEnv, type BookingEnv, type TestHall } from '../booking/booking-env';

/**
 * The fee suites' world: the booking env (real app, MySQL, Redis, test clock) with a WeChat Pay
 * merchant configured from the fake's keys, listening on a real port so that the fake can deliver
 * its notifications. `capture` switches the port to recording pushes (answered 500, so the fake
 * retries with fresh signatures) instead of passing them to the BFF.
 */
export type CapturedPush = { path: string; headers: Record<string, string>; body: string };

export type FeesEnv = BookingEnv & {
  hall: TestHall;
  staff: LoggedIn;
  payment: PaymentDeps;
  notifyBase: string;
  captured: CapturedPush[];
  setCapture: (isOn: boolean) => void;
};

const feeItem = { isCharged: true, isOnlinePaymentEnabled: true, feeAmountFen: 2000, feeStandard: '每件 20 元', feeBasis: '《清江市行政事业性收费目录》第 12 项' };

/** The merchant settings the BFF reads, all taken from the fake (platform verification keys too unless overridden). */
export function merchantEnv(fake: FakeWechat, notifyBase: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    WECHATPAY_MCHID: fake.merchant.mchid,
    WECHATPAY_MERCHANT_PRIVATE_KEY: fake.merchant.privateKeyPem,
    WECHATPAY_MERCHANT_CERTIFICATE: fake.merchant.certificatePem,
    WECHATPAY_APIV3_KEY: fake.merchant.apiV3Key,
    WECHATPAY_PLATFORM_CERTIFICATE: fake.platform.certificatePem,
    WECHATPAY_PUBLIC_KEY_ID: fake.platform.publicKeyId,
    WECHATPAY_PUBLIC_KEY: fake.platform.publicKeyPem,
    WECHATPAY_NOTIFY_BASE: notifyBase,
    ...overrides,
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export async function startFeesEnv(startAt: string, options: { fake?: FakeWechatOptions; env?: (fake: FakeWechat, notifyBase: string) => Record<string, string> } = {}): Promise<FeesEnv> {
  const captured: CapturedPush[] = [];
  let isCapturing = false;
  const app: { handle?: (request: IncomingMessage, response: ServerResponse) => void } = {};
  const server = createServer((request, response) => {
    if (!isCapturing && app.handle) return app.handle(request, response);
    void readBody(request).then((body) => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? (value[0] ?? '') : (value ?? '')]));
      captured.push({ path: request.url ?? '', headers, body });
      response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ code: 'FAIL', message: 'captured' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const notifyBase = `http://127.0.0.1:${typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : 0}`;

  const env = await startBookingEnv(startAt, {
    fake: { startTime: at(startAt), notifyRetryDelaysMs: [30, 30, 30, 30, 30, 30], refundSettleDelayMs: null, ...options.fake },
    env: (fake) => (options.env ? options.env(fake, notifyBase) : merchantEnv(fake, notifyBase)),
  });
  app.handle = env.app.callback();
  await env.prisma.serviceItem.update({ where: { id: env.itemId }, data: feeItem });
  const hall = await createBookingHall(env, { rules: [{ weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00', capacity: 50, slotMinutes: 60 }] });
  const staff = await createHallStaff(env, hall.hallId);
  const payment = createPaymentDeps({ config: env.config, prisma: env.prisma, redis: env.redis, now: () => env.clock.now });
  return {
    ...env, hall, staff, payment, notifyBase, captured,
    setCapture: (isOn) => { isCapturing = isOn; },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await env.close();
    },
  };
}

/** A resident booked today and checked in (the hall has accepted the case). */
export async function checkedInCase(env: FeesEnv, time = '10:00'): Promise<{ resident: LoggedIn; appointmentId: string }> {
  const resident = await createResident(env);
  const booked = await book(env, resident, (await slotAt(env, env.hall.hallId, `${env.clock.now.toISOString().slice(0, 10)} ${time}`)).id);
  expect(booked.status).toBe(201);
  const { appointment } = appointmentResponseSchema.parse(booked.body);
  const checkIn = await api(env).post(`/staff/halls/${env.hall.hallId}/check-in`).set(env.staff.auth).send({ code: appointment.checkInCode });
  expect(staffAppointmentResponseSchema.parse(checkIn.body).appointment.status).toBe('CHECKED_IN');
  return { resident, appointmentId: appointment.id };
}

export function issue(env: FeesEnv, body: object, key = bookingKey()) {
  return api(env).post(`/staff/halls/${env.hall.hallId}/fee-orders`).set(env.staff.auth).set('Idempotency-Key', key).send(body);
}

/** Staff issue, resident asks to pay: the order is PAYING with a prepay order at the fake. */
export async function payingOrder(env: FeesEnv, body: { amountFen?: number } = {}): Promise<{ resident: LoggedIn; order: FeeOrder; appointmentId: string }> {
  const { resident, appointmentId } = await checkedInCase(env);
  const issued = await issue(env, { appointmentId, ...body });
  expect(issued.status).toBe(201);
  const { feeOrder } = feeOrderResponseSchema.parse(issued.body);
  const paid = await api(env).post(`/fee-orders/${feeOrder.id}/pay`).set(resident.auth).send({});
  expect(paid.status).toBe(200);
  return { resident, order: payFeeOrderResponseSchema.parse(paid.body).feeOrder, appointmentId };
}

export async function orderStatus(env: FeesEnv, id: string): Promise<string> {
  return (await env.prisma.feeOrder.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

export async function notificationCount(env: FeesEnv, userId: string, eventType: 'FEE_ORDER_ISSUED' | 'PAYMENT_SUCCEEDED' | 'PAYMENT_REFUNDED'): Promise<number> {
  return env.prisma.notification.count({ where: { userId, eventType } });
}

export { api, bookingKey };
