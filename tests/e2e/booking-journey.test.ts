import { tmpdir } from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import type { FakeWechat } from '@govpocket/fake-wechat';
import type { PrismaClient } from '@govpocket/db';
import { activeAppointmentStatuses, findDemoPersona } from '@govpocket/shared';
import type { Config } from '../../bff/src/config';
import { createBookingSettingsReader } from '../../bff/src/modules/booking/settings';
import { generateHallSlots } from '../../bff/src/modules/booking/slot-generation';
import { createCalendarService } from '../../bff/src/modules/calendar/service';
import type { StaticServer } from '../../scripts/static-server';
import { startJourneyStack, type JourneyStack } from '../support/journey-stack';
import { openAppPage, openPhoneApp, signInAsPersona, waitForPageSettled, waitForText, type OpenedApp } from '../support/h5';

/**
 * Issue #5 acceptance: a resident books through the built H5 app, window staff (陈静, 清江市民中心)
 * check them in by typing the code and call them, the resident sees 已叫号, staff complete, the
 * resident rates 不满意 and the hall sees the follow-up task. Real BFF over HTTP on this worker's
 * MySQL and Redis, fake WeChat for the persona logins, two browser contexts. The BFF runs on a fixed
 * clock — early morning of a working day — so "today" has open slots and check-in (same day only)
 * works whenever the suite runs.
 */
const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? tmpdir();
const hallName = '清江市民中心政务服务大厅';
/** Tuesday 1 December 2026, 07:30 in Shanghai: an ordinary working day, before the first slot's cutoff. */
const journeyNow = new Date('2026-12-01T07:30:00+08:00');
const ratingText = `等候时间太长，窗口解释不清 ${Date.now().toString(36)}`;

jest.setTimeout(180_000);

let stack: JourneyStack;
let web: StaticServer;
let fake: FakeWechat;
let prisma: PrismaClient;
let redis: Redis;
let bff: JourneyStack['bff'];
let browser: Browser;
let config: Config;
let itemCode: string;
let windowCode: string;

beforeAll(async () => {
  stack = await startJourneyStack({ now: () => journeyNow });
  ({ web, fake, prisma, redis, bff, browser, config } = stack);

  // Slots for the journey's working days, as the scheduled job makes them.
  const hall = await prisma.hall.findFirstOrThrow({ where: { name: hallName }, select: { id: true } });
  await generateHallSlots(
    { prisma, calendar: createCalendarService({ prisma, redis, keyPrefix: config.REDIS_KEY_PREFIX }), settings: createBookingSettingsReader(prisma) },
    { hallId: hall.id, now: journeyNow },
  );
  const offered = await prisma.serviceItemHall.findMany({
    where: { hallId: hall.id, itemGroup: '', item: { isAppointmentEnabled: true, status: 'PUBLISHED' } },
    select: { item: { select: { code: true, name: true } } },
    orderBy: { itemId: 'asc' },
  });
  const item = offered.find((row) => row.item.name === '普通护照签发') ?? offered[0];
  if (!item) throw new Error(`${hallName} books no published item`);
  itemCode = item.item.code;
  // Specialised windows serve their department's items: call at one that serves this item.
  const serving = await prisma.serviceWindowItem.findFirstOrThrow({
    where: { window: { hallId: hall.id, isActive: true }, item: { code: itemCode } },
    select: { window: { select: { code: true } } },
    orderBy: { window: { code: 'asc' } },
  });
  windowCode = serving.window.code;
  await resetResidentBookings('resident-zhang');

}, 120_000);

afterAll(async () => {
  await stack?.close();
});

/**
 * Earlier runs on this worker's database may have left the resident with active bookings on the
 * journey's day (one per item per day) or a no-show pause: release them so the journey can book.
 */
async function resetResidentBookings(key: string): Promise<void> {
  const persona = findDemoPersona(key);
  if (!persona) throw new Error(`demo persona ${key} is missing`);
  const { id } = await prisma.user.findUniqueOrThrow({ where: { openid: persona.openid }, select: { id: true } });
  await prisma.appointment.updateMany({
    where: { residentId: id, status: { in: [...activeAppointmentStatuses] } },
    data: { status: 'CANCELLED', activeDayKey: null, activeSeat: null, cancelReason: '测试重置' },
  });
  await prisma.bookingPause.updateMany({ where: { userId: id, liftedAt: null }, data: { liftedAt: new Date() } });
}


const openApp = (hashPath: string): Promise<OpenedApp> => openPhoneApp(browser, { apiBase: bff.url, fakeWechatUrl: fake.url, url: `${web.url}/#${hashPath}` });

const signInAs = (page: Page, personaKey: string): Promise<void> => signInAsPersona(page, web.url, personaKey);

const openPage = (page: Page, hashPath: string, rootSelector: string): Promise<void> => openAppPage(page, web.url, hashPath, rootSelector);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `booking-${name}.png`) });
}

test('a resident books, is checked in and called by window staff, rates 不满意, and the hall sees the follow-up', async () => {
  const resident = await openApp('/pages/index/index');
  const staff = await openApp('/pages/index/index');
  const { page } = resident;
  await signInAs(page, 'resident-zhang');
  await signInAs(staff.page, 'window-chen');

  // 预约办理 from the guide: hall → day → slot → confirm.
  await openPage(page, `/pages/guide-detail/index?code=${encodeURIComponent(itemCode)}`, '#page-guide-detail');
  await page.locator('#guide-book').click();
  await waitForPageSettled(page, '#page-booking');
  await page.locator('.booking__option', { hasText: hallName }).first().click();
  await page.locator('#booking-days-0').click();
  await expect(page.locator('#booking-days-0').innerText()).resolves.toContain('12月1日');
  const firstSlot = page.locator('#booking-slots .booking__option:not(.booking__option--disabled)').first();
  await firstSlot.waitFor({ state: 'visible' });
  await expect(firstSlot.innerText()).resolves.toMatch(/余 \d+ 个/);
  await shoot(page, 'slots');
  await firstSlot.click();
  await waitForPageSettled(page, '#page-booking-confirm');
  await waitForText(page, '#booking-confirm-checklist', /材料已备齐|还缺 \d+ 项必需材料/);
  const booked = page.waitForResponse((response) => response.url().endsWith('/appointments') && response.request().method() === 'POST');
  await page.locator('#booking-submit').click();
  const bookedResponse = await booked;
  expect(bookedResponse.status()).toBe(201);
  expect(bookedResponse.request().headers()['idempotency-key']).toMatch(/^[A-Za-z0-9_:.-]{8,64}$/);

  // Success: the 6-digit check-in code.
  await waitForPageSettled(page, '#page-appointment');
  await waitForText(page, '#booking-success', '预约成功');
  await waitForText(page, '#appointment-status', '已预约');
  const code = (await page.locator('#appointment-check-in-code').innerText()).trim();
  expect(code).toMatch(/^\d{6}$/);
  // The QR the window scans is a real image.
  const qr = page.locator('#appointment-qr img, img#appointment-qr').first();
  await expect(qr.getAttribute('src')).resolves.toMatch(/^data:image\/gif;base64,/);
  await shoot(page, 'booked');

  // Staff: 今日 → type the code → queue number.
  await openPage(staff.page, '/staff/today/index', '#page-staff-today');
  await waitForText(staff.page, '#staff-today-slots', '已预约');
  await staff.page.locator('#staff-check-in-code input').fill(code);
  await staff.page.locator('#staff-check-in-submit').click();
  const checkIn = await waitForText(staff.page, '#staff-check-in-result', /排队号 [A-Z]\d+/);
  const queueNumber = /排队号 ([A-Z]\d+)/.exec(checkIn)?.[1] ?? '';
  await shoot(staff.page, 'staff-checked-in');

  // The resident sees the queue number and 前面还有 N 人.
  await page.reload();
  await waitForPageSettled(page, '#page-appointment');
  await waitForText(page, '#appointment-queue-number', queueNumber);
  await waitForText(page, '#appointment-ahead', /前面还有 \d+ 人/);

  // Staff: 叫号 at the first window, until our resident is called (earlier runs may have left others waiting).
  await openPage(staff.page, '/staff/counter/index', '#page-staff-counter');
  await staff.page.locator('#staff-windows .gp-chips__chip', { hasText: windowCode }).click();
  await staff.page.locator('#staff-call-next').waitFor({ state: 'visible' });
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const current = staff.page.locator('#staff-current-number');
    if ((await current.count()) > 0 && (await current.innerText()).trim() === queueNumber) break;
    if ((await current.count()) > 0) {
      // Someone else from an earlier run: mark them 未到 and go on.
      await staff.page.locator('#staff-no-show').click();
      await staff.page.locator('#staff-call-next').waitFor({ state: 'visible' });
    }
    await staff.page.locator('#staff-call-next').click();
    await staff.page.locator('#staff-current-number, #staff-counter-message, #staff-counter-error').first().waitFor({ state: 'visible' });
  }
  await waitForText(staff.page, '#staff-current-number', queueNumber);

  // The resident's page polls the queue: 已叫号 with the window, no reload.
  await waitForText(page, '#appointment-called', '已叫号', 20_000);
  await waitForText(page, '#appointment-status', '已叫号');
  await shoot(page, 'called');

  // Staff serve and complete.
  await staff.page.locator('#staff-serve').click();
  await staff.page.locator('#staff-complete').click();
  await waitForText(staff.page, '#staff-counter-message', `${queueNumber} 已办结`);

  // The resident's page learns of the completion by polling and offers 好差评; rate 不满意.
  await page.locator('#appointment-rating-form').waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('#rating-level-dissatisfied').click();
  await page.locator('#rating-tags').getByText('等候太久').click();
  await page.locator('#rating-text textarea').fill(ratingText);
  const rated = page.waitForResponse((response) => response.url().endsWith('/rating') && response.request().method() === 'POST');
  await page.locator('#rating-submit').click();
  expect((await rated).status()).toBe(201);
  await waitForText(page, '#appointment-rating', '我的评价：不满意');
  await waitForText(page, '#appointment-follow-up', '待回访');
  await shoot(page, 'rated');

  // The hall's follow-up task, without who rated.
  await openPage(staff.page, '/staff/follow-ups/index', '#page-staff-follow-ups');
  const followUps = await waitForText(staff.page, '#staff-follow-ups', ratingText);
  expect(followUps).toContain('不满意');
  expect(followUps).not.toContain('张晓明');
  await shoot(staff.page, 'staff-follow-ups');

  expect(resident.pageErrors).toEqual([]);
  expect(staff.pageErrors).toEqual([]);
  await resident.context.close();
  await staff.context.close();
});
