import { tmpdir } from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { FakeWechat } from '@govpocket/fake-wechat';
import type { PrismaClient } from '@govpocket/db';
import { activeAppointmentStatuses, appointmentResponseSchema, callNextResponseSchema, findDemoPersona, staffWindowsResponseSchema, wechatLoginResponseSchema } from '@govpocket/shared';
import type { App } from '../../bff/src/app';
import type { Config } from '../../bff/src/config';
import { createBookingSettingsReader } from '../../bff/src/modules/booking/settings';
import { generateHallSlots } from '../../bff/src/modules/booking/slot-generation';
import { createCalendarService } from '../../bff/src/modules/calendar/service';
import type { StaticServer } from '../../scripts/static-server';
import { merchantEnv } from '../fees/fees-env';
import { startJourneyStack, type JourneyStack } from '../support/journey-stack';
import { openPhoneApp, signInAsPersona, waitForPageSettled, waitForText, type OpenedApp } from '../support/h5';

/**
 * Issue #6 journey: window staff (陈静) serve 张小明's 普通护照签发 and issue the fee order on the
 * counter screen; 张小明 opens 我的缴费 in the H5 build and pays (the demo confirms the payment
 * through the fake WeChat's control API, which then notifies the BFF like WeChat Pay does) and
 * sees the receipt with the WeChat Pay transaction id. The queue steps before serving go through
 * the API: the booking journey covers them in the browser.
 */
const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? tmpdir();
const hallName = '清江市民中心政务服务大厅';
const itemName = '普通护照签发';
/** Tuesday 1 December 2026, 07:30 in Shanghai, as in the booking journey. */
const journeyNow = new Date('2026-12-01T07:30:00+08:00');

jest.setTimeout(180_000);

let stack: JourneyStack;
let web: StaticServer;
let fake: FakeWechat;
let prisma: PrismaClient;
let redis: Redis;
let app: App;
let bff: JourneyStack['bff'];
let browser: Browser;
let config: Config;

beforeAll(async () => {
  stack = await startJourneyStack({
    now: () => journeyNow,
    fakeWechat: { startTime: journeyNow, notifyRetryDelaysMs: [200, 500, 1000] },
    env: ({ fake, bffUrl }) => merchantEnv(fake, bffUrl),
  });
  ({ web, fake, prisma, redis, app, bff, browser, config } = stack);
  const hall = await prisma.hall.findFirstOrThrow({ where: { name: hallName }, select: { id: true } });
  await generateHallSlots(
    { prisma, calendar: createCalendarService({ prisma, redis, keyPrefix: config.REDIS_KEY_PREFIX }), settings: createBookingSettingsReader(prisma) },
    { hallId: hall.id, now: journeyNow },
  );
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function tokenOf(personaKey: string): Promise<{ Authorization: string }> {
  const { code } = fake.control.mintLoginCode({ personaKey });
  const { token } = wechatLoginResponseSchema.parse((await request(app.callback()).post('/auth/wechat').send({ code })).body);
  return { Authorization: `Bearer ${token}` };
}

/** 张小明 books today, checks in and is called and served at the first window that handles the item. */
async function caseBeingServed(): Promise<{ hallId: string; windowIndex: number }> {
  const persona = findDemoPersona('resident-zhang');
  if (!persona) throw new Error('demo persona resident-zhang is missing');
  const { id: residentId } = await prisma.user.findUniqueOrThrow({ where: { openid: persona.openid }, select: { id: true } });
  await prisma.appointment.updateMany({ where: { residentId, status: { in: [...activeAppointmentStatuses] } }, data: { status: 'CANCELLED', activeDayKey: null, activeSeat: null, cancelReason: '测试重置' } });
  const hall = await prisma.hall.findFirstOrThrow({ where: { name: hallName }, select: { id: true } });
  const item = await prisma.serviceItem.findFirstOrThrow({ where: { name: itemName }, select: { code: true, id: true } });
  const slot = await prisma.slot.findFirstOrThrow({ where: { hallId: hall.id, startsAt: { gte: new Date(journeyNow.getTime() + 2 * 3600_000) }, isClosed: false }, orderBy: { startsAt: 'asc' }, select: { id: true } });
  const api = request(app.callback());
  const resident = await tokenOf('resident-zhang');
  const staff = await tokenOf('window-chen');
  const booked = await api.post('/appointments').set(resident).set('Idempotency-Key', `fee-journey-${Date.now()}`).send({ itemCode: item.code, slotId: slot.id });
  expect(booked.status).toBe(201);
  const { appointment } = appointmentResponseSchema.parse(booked.body);
  expect((await api.post(`/staff/halls/${hall.id}/check-in`).set(staff).send({ code: appointment.checkInCode })).status).toBe(200);
  const windows = staffWindowsResponseSchema.parse((await api.get(`/staff/halls/${hall.id}/windows`).set(staff)).body);
  const served = await prisma.serviceWindowItem.findMany({ where: { itemId: item.id }, select: { windowId: true } });
  const window = windows.windows.find((candidate) => candidate.isActive && served.some((row) => row.windowId === candidate.id));
  if (!window) throw new Error('no window serves the item');
  const called = callNextResponseSchema.parse((await api.post(`/staff/halls/${hall.id}/windows/${window.id}/call-next`).set(staff)).body);
  expect(called.appointment?.id).toBe(appointment.id);
  expect((await api.post(`/staff/halls/${hall.id}/appointments/${appointment.id}/serve`).set(staff)).status).toBe(200);
  // The counter lists the active windows in this order; its chips are numbered from 0.
  return { hallId: hall.id, windowIndex: windows.windows.filter((candidate) => candidate.isActive).findIndex((candidate) => candidate.id === window.id) };
}

const openApp = (): Promise<OpenedApp> => openPhoneApp(browser, { apiBase: bff.url, fakeWechatUrl: fake.url });

const signInAs = (page: Page, personaKey: string): Promise<void> => signInAsPersona(page, web.url, personaKey);

test('window staff issue a fee on the counter, the resident pays on H5 and sees the receipt', async () => {
  const { windowIndex } = await caseBeingServed();
  const staff = await openApp();
  const resident = await openApp();
  await signInAs(staff.page, 'window-chen');
  await signInAs(resident.page, 'resident-zhang');

  // Staff: the counter shows the case being served at their window; issue the item's fee.
  await staff.page.goto(`${web.url}/#/staff/counter/index`);
  await waitForPageSettled(staff.page, '#page-staff-counter');
  await staff.page.locator('#staff-windows').waitFor({ state: 'visible' });
  await staff.page.locator(`#staff-windows-${windowIndex}`).click();
  await staff.page.locator('#staff-fee-issue').waitFor({ state: 'visible' });
  await staff.page.locator('#staff-fee-issue').click();
  await waitForText(staff.page, '#staff-fee-issued', /已开具 ￥120 · 待支付/);
  await staff.page.screenshot({ path: path.join(screenshotDir, 'fee-staff-issued.png') });

  // Resident: 我的 → 我的缴费 → the order → pay.
  await resident.page.goto(`${web.url}/#/account/fees/index`);
  await waitForPageSettled(resident.page, '#page-my-fees');
  await waitForText(resident.page, '#fees-list', itemName);
  await resident.page.locator('#fees-list .fees__item').first().click();
  await waitForPageSettled(resident.page, '#page-fee-order');
  await waitForText(resident.page, '#fee-basis', /收费|依据|规定/);
  await resident.page.locator('#fee-pay').click();
  await waitForText(resident.page, '#fee-status', '已支付', 20_000);
  const transaction = await waitForText(resident.page, '#fee-transaction-id', /微信支付单号：\d+/);
  await resident.page.screenshot({ path: path.join(screenshotDir, 'fee-receipt.png') });

  const order = await prisma.feeOrder.findFirstOrThrow({ where: { item: { name: itemName }, status: 'PAID' }, orderBy: { createdAt: 'desc' }, select: { amountFen: true, payment: { select: { transactionId: true } } } });
  expect(order.amountFen).toBe(12000);
  expect(transaction).toContain(order.payment?.transactionId ?? 'missing');
  expect(staff.pageErrors).toEqual([]);
  expect(resident.pageErrors).toEqual([]);
  await staff.context.close();
  await resident.context.close();
});
