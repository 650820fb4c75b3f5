import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FakeWechat } from '@govpocket/fake-wechat';
import type { PrismaClient } from '@govpocket/db';
import { closeDueConsultations } from '../../bff/src/modules/consultation';
import type { StaticServer } from '../../scripts/static-server';
import { startJourneyStack, type JourneyStack } from '../support/journey-stack';
import { openAppPage, openPhoneApp, signInAsPersona, waitForPageSettled, waitForText, type OpenedApp } from '../support/h5';

/**
 * Issue #8 acceptance: a resident comments on section 3 of an open consultation in the built H5
 * app; the consultation closes (the test runs the close job with a clock past the end date); the
 * department's handler (赵敏, 司法局) answers 不予采纳 with a reason and publishes; the resident
 * sees the outcome and the reason. Real BFF over HTTP, fake WeChat for the persona logins.
 */
const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? tmpdir();
const opinionText = `建议第三条明确基层组织的具体职责和经费保障 ${Date.now().toString(36)}`;
const reason = '基层组织职责已在配套实施细则中规定，本办法不再重复';

jest.setTimeout(180_000);

let stack: JourneyStack;
let web: StaticServer;
let fake: FakeWechat;
let prisma: PrismaClient;
let bff: JourneyStack['bff'];
let browser: Browser;
let consultationId: string;
let departmentId: string;

beforeAll(async () => {
  stack = await startJourneyStack();
  ({ web, fake, prisma, bff, browser } = stack);

  // An open consultation of 司法局 (the handler persona's department) that ends in ten days.
  departmentId = (await prisma.department.findUniqueOrThrow({ where: { name: '清江市司法局' }, select: { id: true } })).id;
  const now = Date.now();
  const created = await prisma.consultation.create({
    data: {
      title: '《清江市社区治理促进办法（征求意见稿）》',
      departmentId,
      status: 'OPEN',
      background: '为推进基层治理体系和治理能力现代化，起草了本办法。',
      basis: '《中华人民共和国城市居民委员会组织法》',
      startsAt: new Date(now - 24 * 3600_000),
      endsAt: new Date(now + 10 * 24 * 3600_000),
      openedAt: new Date(now - 24 * 3600_000),
      contactName: '市司法局立法处',
      contactPhone: '0576-88512148',
      sections: {
        createMany: {
          data: [
            { number: 1, heading: '第一章 总则', body: '为了促进社区治理，制定本办法。' },
            { number: 2, heading: '第一章 总则', body: '本办法适用于本市行政区域内的社区治理活动。' },
            { number: 3, heading: '第一章 总则', body: '社区治理坚持党的领导、政府主导、居民自治和社会参与相结合。' },
            { number: 4, heading: '第二章 治理主体', body: '街道办事处应当指导社区居民委员会开展工作。' },
          ],
        },
      },
    },
    select: { id: true },
  });
  consultationId = created.id;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});


const openApp = (): Promise<OpenedApp> => openPhoneApp(browser, { apiBase: bff.url, fakeWechatUrl: fake.url, url: `${web.url}/#/pages/index/index` });

const signInAs = (page: Page, personaKey: string): Promise<void> => signInAsPersona(page, web.url, personaKey);

const openPage = (page: Page, hashPath: string, rootSelector: string): Promise<void> => openAppPage(page, web.url, hashPath, rootSelector);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `consultation-${name}.png`) });
}

test('a resident comments on section 3; after the close the department answers 不予采纳 with a reason and publishes; the resident sees it', async () => {
  const resident = await openApp();
  const handler = await openApp();
  await signInAs(resident.page, 'resident-zhang');
  await signInAs(handler.page, 'handler-sifa');
  const { page } = resident;

  // 互动 → 正在征集 → the consultation → 第3条 → 对此条提意见.
  await page.goto(`${web.url}/#/pages/interact/index`);
  await waitForPageSettled(page, '#page-interact');
  await page.locator('#interact-consultation').getByText('正在征集').click();
  await waitForPageSettled(page, '#page-consultations');
  await page.locator('#consultations-list .consult__card', { hasText: '社区治理促进办法' }).click();
  await waitForPageSettled(page, '#page-consultation-detail');
  await waitForText(page, '#consultation-status', /征集中 · 剩\d+天/);
  await waitForText(page, '#section-3', '第3条');
  await shoot(page, 'detail');
  await page.locator('#section-3-comment').click();
  await waitForPageSettled(page, '#page-consultation-opinion');
  await page.locator('#opinion-body textarea').fill(opinionText);
  const submitted = page.waitForResponse((response) => response.url().endsWith('/opinions') && response.request().method() === 'POST');
  await page.locator('#opinion-submit').click();
  const submittedResponse = await submitted;
  expect(submittedResponse.status()).toBe(201);
  expect(submittedResponse.request().headers()['idempotency-key']).toMatch(/^[A-Za-z0-9_:.-]{8,64}$/);
  await waitForText(page, '#opinion-success', '意见已提交');
  const stored = await prisma.opinion.findFirstOrThrow({ where: { consultationId, body: opinionText }, select: { section: { select: { number: true } } } });
  expect(stored.section?.number).toBe(3);

  // Time moves past the end date: the close job runs.
  const { endsAt } = await prisma.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { endsAt: true } });
  await closeDueConsultations({ prisma }, { now: new Date(endsAt.getTime() + 60_000) });

  // The handler answers 不予采纳 with a reason, then publishes.
  await openPage(handler.page, `/staff/consultation-answer/index?departmentId=${departmentId}&id=${consultationId}`, '#page-staff-consultation-answer');
  await waitForText(handler.page, '#answer-status', '已结束');
  await handler.page.locator('#answer-opinions .consult__card', { hasText: opinionText }).click();
  await handler.page.locator('#answer-outcome').getByText('不予采纳').click();
  await handler.page.locator('#answer-reason textarea').fill(reason);
  await handler.page.locator('#answer-apply').click();
  await waitForText(handler.page, '#answer-unanswered', '0条待答复');
  await handler.page.locator('#publish-explanation textarea').fill('感谢社会各界的关注和支持，现将意见采纳情况反馈如下。');
  await handler.page.locator('#publish-submit').click();
  await handler.page.locator('#answer-view-feedback').waitFor({ state: 'visible' });
  await shoot(handler.page, 'published');

  // The resident sees the outcome and the reason on the consultation and in the report.
  await openPage(page, `/consultation/detail/index?id=${consultationId}`, '#page-consultation-detail');
  await waitForText(page, '#consultation-my-opinions', '不予采纳');
  await waitForText(page, '#consultation-my-opinions', reason);
  await shoot(page, 'outcome');
  await page.locator('#consultation-feedback').click();
  await waitForPageSettled(page, '#page-consultation-feedback');
  await waitForText(page, '#feedback-not-adopted', reason);
  await waitForText(page, '#feedback-total-NOT_ADOPTED', '1条');
  const message = await prisma.notification.findFirstOrThrow({ where: { user: { openid: 'oDEMO_resident_zhangxm' }, eventType: 'OPINION_OUTCOME_PUBLISHED', body: { contains: '社区治理促进办法' } } });
  expect(message.body).toContain('不予采纳');

  expect(resident.pageErrors).toEqual([]);
  expect(handler.pageErrors).toEqual([]);
  await resident.context.close();
  await handler.context.close();
});
