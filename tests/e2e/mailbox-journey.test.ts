import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FakeWechat } from '@govpocket/fake-wechat';
import type { PrismaClient } from '@govpocket/db';
import type { StaticServer } from '../../scripts/static-server';
import { startJourneyStack, type JourneyStack } from '../support/journey-stack';
import { openAppPage, openPhoneApp, signInAsPersona, waitForPageSettled, waitForText, type OpenedApp } from '../support/h5';

/**
 * Issue #7 acceptance: on the built H5 app, a resident (张晓明) writes to 市长信箱, the office (刘洋)
 * accepts and assigns it to 市场监管局, the handler (孙磊) drafts the reply, the office approves, the
 * resident reads and rates it, the office publishes it after the masked preview (edited: the public
 * copy only), and the letter shows in 信件选登 with the phone number and the name masked; then the
 * office withdraws it with a reason. Publishing is opt-in on 写信. Real BFF over HTTP on this worker's
 * MySQL and Redis, fake WeChat for the persona logins, a fixed clock on a working day.
 */
const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? tmpdir();
const journeyNow = new Date('2026-12-01T09:00:00+08:00');
const stamp = Date.now().toString(36).slice(-4).toUpperCase();
const title = `农贸市场缺斤短两${stamp}`;
const body = '我叫张晓明，家住滨江花园，电话13812345678。小区门口农贸市场有商户缺斤短两，还售卖过期食品，请市场监管部门查处。';
const replyText = '您好，经执法人员现场检查，已对两家缺斤短两的商户立案查处，过期食品已全部下架销毁。感谢您的监督。';

jest.setTimeout(180_000);

let stack: JourneyStack;
let web: StaticServer;
let fake: FakeWechat;
let prisma: PrismaClient;
let bff: JourneyStack['bff'];
let browser: Browser;

beforeAll(async () => {
  stack = await startJourneyStack({ now: () => journeyNow });
  ({ web, fake, prisma, bff, browser } = stack);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});


const openApp = (): Promise<OpenedApp> => openPhoneApp(browser, { apiBase: bff.url, fakeWechatUrl: fake.url, url: `${web.url}/#/pages/index/index` });

const signInAs = (page: Page, personaKey: string): Promise<void> => signInAsPersona(page, web.url, personaKey);

const openPage = (page: Page, hashPath: string, rootSelector: string): Promise<void> => openAppPage(page, web.url, hashPath, rootSelector);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `mailbox-${name}.png`) });
}

async function openStaffLetter(page: Page, listPath: string, code: string): Promise<void> {
  await openPage(page, listPath, '#page-staff-letters');
  await page.locator(`#staff-letter-${code}`).click();
  await waitForPageSettled(page, '#page-staff-letter');
}

test('resident writes → office accepts and assigns → handler drafts → office approves → resident rates → office publishes → 信件选登 masked', async () => {
  const resident = await openApp();
  const office = await openApp();
  const handler = await openApp();
  await signInAs(resident.page, 'resident-zhang');
  await signInAs(office.page, 'office-liu');
  await signInAs(handler.page, 'handler-scjg');
  const { page } = resident;

  // 互动 → 写信: the draft is kept on the device while typing.
  await openPage(page, '/pages/interact/index', '#page-interact');
  await page.locator('#interact-mailbox').getByText('写信').click();
  await waitForPageSettled(page, '#page-letter-write');
  await page.locator('#letter-mailboxes .gp-chips__chip', { hasText: '市长信箱' }).click();
  await waitForText(page, '#letter-mailbox-description', '个工作日内答复');
  await page.locator('#letter-types .gp-chips__chip', { hasText: '投诉' }).click();
  await page.locator('#letter-title input').fill(title);
  await page.locator('#letter-body textarea').fill(body);
  await expect(page.evaluate("window.localStorage.getItem('gp:letter-draft') || ''")).resolves.toContain('缺斤短两');
  // Publishing is opt-in: off until the resident turns it on, with what it means spelled out.
  await waitForText(page, '#letter-publish-status', '不同意');
  await waitForText(page, '#letter-publish-explain', '默认不公开');
  await page.locator('#letter-publish').click();
  await waitForText(page, '#letter-publish-status', '同意（点按取消）');
  const submitted = page.waitForResponse((response) => response.url().endsWith('/letters') && response.request().method() === 'POST');
  await page.locator('#letter-submit').click();
  const submitResponse = await submitted;
  expect(submitResponse.status()).toBe(201);
  expect(submitResponse.request().headers()['idempotency-key']).toMatch(/^[A-Za-z0-9_:.-]{8,64}$/);
  await waitForPageSettled(page, '#page-letter-receipt');
  const code = (await page.locator('#letter-receipt-code').innerText()).trim();
  expect(code).toMatch(/^QJ[A-Z2-9]{8}$/);
  // Tue 12-01 + 2 working days → 12-03; + 15 → 12-24.
  await waitForText(page, '#letter-receipt-dates', '预计 12月3日 前受理，12月24日 前答复');
  await shoot(page, 'receipt');

  // Office: inbox → accept → assign to the suggested 市场监管局.
  await openStaffLetter(office.page, '/staff/letters/index', code);
  await office.page.locator('#staff-accept').click();
  await waitForText(office.page, '#staff-letter-status', '已受理');
  await waitForText(office.page, '#staff-suggestions', '市场监督管理局');
  await office.page.locator('#staff-assign-departments .gp-chips__chip', { hasText: '市场监督管理局' }).first().click();
  await office.page.locator('#staff-assign-submit').click();
  await waitForText(office.page, '#staff-letter-status', '办理中');
  await shoot(office.page, 'assigned');

  // Handler: my department's letters → draft → submit for review.
  await openStaffLetter(handler.page, '/staff/letters/index?desk=department', code);
  await handler.page.locator('#staff-reply-text textarea').fill(replyText);
  await handler.page.locator('#staff-reply-submit').click();
  await waitForText(handler.page, '#staff-letter-status', '答复审核中');

  // Office approves: the resident now sees the reply.
  await office.page.reload();
  await waitForPageSettled(office.page, '#page-staff-letter');
  await waitForText(office.page, '#staff-letter-replies', '立案查处');
  await office.page.locator('#staff-approve-reply').click();
  await waitForText(office.page, '#staff-letter-status', '已答复');

  // Resident: 我的留言 → the reply → 满意.
  await openPage(page, '/mailbox/letters/index', '#page-my-letters');
  await page.locator('#my-letters .gp-card', { hasText: title }).click();
  await waitForPageSettled(page, '#page-my-letter');
  await waitForText(page, '#my-letter-reply', '立案查处');
  await waitForText(page, '#letter-timeline', '已答复');
  await page.locator('#letter-satisfaction .gp-chips__chip', { hasText: /^满意$/ }).click();
  await page.locator('#letter-rating-comment textarea').fill('处理及时，感谢');
  await page.locator('#letter-rating-submit').click();
  await waitForText(page, '#my-letter-rating', '我的评价：满意');
  await waitForText(page, '#my-letter-status', '已办结');
  await shoot(page, 'rated');

  // Office: masked preview, edited (the public copy only), then publish.
  await office.page.reload();
  await waitForPageSettled(office.page, '#page-staff-letter');
  await office.page.locator('#staff-publish-preview-open').click();
  await waitForText(office.page, '#staff-publish-state', '个人信息已自动遮盖');
  const maskedBody = await office.page.locator('#staff-publish-body textarea').inputValue();
  expect(maskedBody).toContain('138********');
  expect(maskedBody).toContain('我叫张**');
  expect(maskedBody).not.toContain('13812345678');
  expect(maskedBody).not.toContain('张晓明');
  await office.page.locator('#staff-publish-body textarea').fill(`${maskedBody.replace('家住滨江花园，', '')}`);
  await office.page.locator('#staff-publish-save').click();
  await waitForText(office.page, '#staff-letter-message', '公开文本已保存');
  await waitForText(office.page, '#staff-publish-state', '公开文本经人工修改');
  await office.page.locator('#staff-publish-confirm').click();
  await waitForText(office.page, '#staff-letter-message', '已公开到信件选登');

  // 信件选登: anyone sees it, masked and as edited.
  await openPage(page, '/mailbox/public/index', '#page-public-letters');
  const published = await waitForText(page, '#public-letters', title);
  expect(published).toContain('138********');
  expect(published).toContain('张**');
  expect(published).not.toContain('13812345678');
  expect(published).not.toContain('滨江花园');
  expect(published).toContain('立案查处');
  await shoot(page, 'published');
  // The resident's own letter keeps the original text.
  await openPage(page, '/mailbox/letters/index', '#page-my-letters');
  await page.locator('#my-letters .gp-card', { hasText: title }).click();
  await waitForPageSettled(page, '#page-my-letter');
  await waitForText(page, '#page-my-letter', '家住滨江花园');

  // Office withdraws it with a reason: it leaves 信件选登.
  await office.page.locator('#staff-withdraw-reason textarea').fill('来信人要求撤回公开');
  await office.page.locator('#staff-withdraw-submit').click();
  await waitForText(office.page, '#staff-letter-message', '已撤回公开');
  await waitForText(office.page, '#staff-publish-state', '已撤回公开：来信人要求撤回公开');
  await openPage(page, '/mailbox/public/index', '#page-public-letters');
  await waitForPageSettled(page, '#page-public-letters');
  await expect(page.locator('#public-letters', { hasText: title }).count()).resolves.toBe(0);
  const { id: letterId } = await prisma.letter.findFirstOrThrow({ where: { title }, select: { id: true } });
  const gone = await fetch(`${bff.url}/public/letters/${letterId}`);
  expect(gone.status).toBe(404);
  expect(((await gone.json()) as { error: { message: string } }).error.message).toBe('该信件已撤回公开');

  expect(resident.pageErrors).toEqual([]);
  expect(office.pageErrors).toEqual([]);
  expect(handler.pageErrors).toEqual([]);
  for (const opened of [resident, office, handler]) await opened.context.close();
});
