import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NotificationEvent } from '@govpocket/db';
import { isMiniProgramPage, linkTarget, miniProgramPages, pageLinks, tabBarPages } from '@govpocket/shared';
import { renderInAppMessage } from '../../bff/src/modules/notification/in-app-renderer';
import { buildPage, createTemplateRegistry } from '../../bff/src/modules/notification/template-registry';
import { createWechat } from '../../bff/src/modules/wechat';
import { ensureDemoSeeded } from '../support/seeded';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';

/**
 * Every link the BFF emits opens a page of the mini-program: the page list is what Taro reads from
 * miniprogram/src/app.config.ts, the link builders and every page-looking literal in the sources
 * name pages of it, and the fake WeChat (started with that list, like the demo) answers 41030 for
 * anything else, as WeChat does.
 */
const root = path.resolve(__dirname, '../..');

type AppConfig = { pages: string[]; subPackages: Array<{ root: string; pages: string[] }>; tabBar: { list: Array<{ pagePath: string }> } };

function isAppConfig(value: unknown): value is AppConfig {
  return typeof value === 'object' && value !== null && 'pages' in value && Array.isArray(value.pages) && 'subPackages' in value && Array.isArray(value.subPackages);
}

/** The app config exactly as Taro's build reads it (esbuild-bundled, defineAppConfig unwrapped). */
function readAppConfig(): AppConfig {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Taro's own reader, a CommonJS module
  const helper: { readConfig: (file: string) => unknown } = require('@tarojs/helper');
  const config = helper.readConfig(path.join(root, 'miniprogram/src/app.config.ts'));
  if (!isAppConfig(config)) throw new Error('app.config.ts did not read as an app config');
  return config;
}

function pagesOf(config: AppConfig): string[] {
  return [...config.pages, ...config.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' || name === 'generated' ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

const pageRoots = ['pages', 'staff', 'admin', 'account', 'booking', 'mailbox', 'consultation'];
const pageLiteral = new RegExp(`['"\`]/?((?:${pageRoots.join('|')})/[A-Za-z-]+(?:/[A-Za-z-]+)*)(?=[?'"\`$])`, 'g');

describe('the page list', () => {
  it('is the one Taro reads from app.config.ts', () => {
    const config = readAppConfig();
    expect(pagesOf(config)).toEqual([...miniProgramPages]);
    expect(config.tabBar.list.map((tab) => tab.pagePath)).toEqual([...tabBarPages]);
  });

  it('names pages that exist as source files', () => {
    for (const page of miniProgramPages) expect(existsSync(path.join(root, 'miniprogram/src', `${page}.tsx`))).toBe(true);
  });
});

describe('links the BFF emits', () => {
  it('every link builder opens a registered page, with its id in the query the page reads', () => {
    const built = [
      pageLinks.appointment('a1'),
      pageLinks.appointments(),
      pageLinks.residentLetter('l1'),
      pageLinks.staffLetter('l1'),
      pageLinks.consultation('c1'),
      pageLinks.feeOrder('f1'),
      pageLinks.guide('QJ-0001'),
      pageLinks.staffFollowUps(),
      pageLinks.staffGuideErrors(),
    ];
    expect(Object.keys(pageLinks)).toHaveLength(built.length);
    for (const link of built) expect({ link, isPage: isMiniProgramPage(link) }).toEqual({ link, isPage: true });
    expect(pageLinks.appointment('a 1')).toBe('booking/detail/index?id=a%201');
  });

  it('the message centre opens every kind of link: tabs with switchTab, other pages with their query, and nothing else', () => {
    expect(linkTarget(pageLinks.appointment('a1'))).toEqual({ kind: 'page', url: '/booking/detail/index?id=a1' });
    expect(linkTarget(`/${pageLinks.staffLetter('l1')}`)).toEqual({ kind: 'page', url: '/staff/letter/index?id=l1' });
    expect(linkTarget(pageLinks.appointments())).toEqual({ kind: 'page', url: '/booking/list/index' });
    expect(linkTarget('/pages/interact/index?letterId=x')).toEqual({ kind: 'tab', url: '/pages/interact/index' });
    expect(linkTarget(pageLinks.guide('QJ 1'))).toEqual({ kind: 'page', url: '/pages/guide-detail/index?code=QJ%201' });
    for (const link of ['pages/booking/detail?id=a1', 'staff/pages/follow-ups/index', 'pages/booking/index', '', 'https://example.com/']) expect(linkTarget(link)).toEqual({ kind: 'unknown' });
    for (const page of miniProgramPages) expect(linkTarget(page).kind).not.toBe('unknown');
  });

  it('no source builds a link to a page that does not exist', () => {
    const offenders: string[] = [];
    const files = [...sourceFiles(path.join(root, 'bff/src')), ...sourceFiles(path.join(root, 'prisma/src')), ...sourceFiles(path.join(root, 'miniprogram/src/navigation'))];
    // Route tables and the OpenAPI document name HTTP paths (`/admin/guides`), not pages.
    for (const file of files.filter((name) => !/(^|[-/])routes\.ts$|\/openapi\//.test(name))) {
      for (const match of readFileSync(file, 'utf8').matchAll(pageLiteral)) {
        const page = match[1] ?? '';
        if (!isMiniProgramPage(page)) offenders.push(`${path.relative(root, file)}: ${page}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('default templates carry no page of their own and template pages that do not exist are dropped', () => {
    const registry = createTemplateRegistry([
      { eventType: 'BOOKING_CONFIRMED', wechatTemplateId: 'T1', isLongTerm: false, page: 'booking/detail/index?id={appointmentId}', fieldMap: { thing1: 'itemName' }, isEnabled: true },
      { eventType: 'BOOKING_REMINDER', wechatTemplateId: 'T2', isLongTerm: false, page: 'pages/booking/detail?id={appointmentId}', fieldMap: { thing1: 'itemName' }, isEnabled: true },
    ]);
    const confirmed = registry.forEvent('BOOKING_CONFIRMED');
    const reminder = registry.forEvent('BOOKING_REMINDER');
    expect(confirmed && buildPage(confirmed, { appointmentId: 'a1' })).toBe('booking/detail/index?id=a1');
    expect(reminder && buildPage(reminder, { appointmentId: 'a1' })).toBeUndefined();
    expect(confirmed && buildPage(confirmed, { appointmentId: 'a1', link: 'pages/booking/detail?id=a1' })).toBeUndefined();
    for (const event of Object.values(NotificationEvent)) {
      const template = createTemplateRegistry([]).forEvent(event);
      if (template?.page) expect(isMiniProgramPage(template.page)).toBe(true);
    }
    // The message centre keeps only links it can open.
    expect(renderInAppMessage('BOOKING_PAUSED', { pausedUntil: '2026-12-22', reason: '爽约', link: 'pages/booking/index' }).link).toBeNull();
    expect(renderInAppMessage('BOOKING_PAUSED', { pausedUntil: '2026-12-22', reason: '爽约', link: pageLinks.appointments() }).link).toBe('booking/list/index');
  });

  it('calls the 6-digit code what the app calls it', () => {
    const message = renderInAppMessage('BOOKING_CONFIRMED', { appointmentId: 'a1', itemName: '户籍迁移', hallName: '城东分中心', slotStart: new Date('2026-11-23T01:30:00Z'), bookingNo: '428913' });
    expect(message.body).toContain('签到码428913');
    expect(message.body).not.toContain('预约号');
  });
});

describe('against WeChat and the seeded city', () => {
  let t: WechatTestApp;

  beforeAll(async () => {
    t = await createWechatTestApp();
    await ensureDemoSeeded(t.prisma);
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeded messages open the letter or consultation itself', async () => {
    const messages = await t.prisma.notification.findMany({ where: { link: { not: null } }, select: { link: true, eventType: true } });
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect({ link: message.link, isPage: isMiniProgramPage(message.link ?? '') }).toEqual({ link: message.link, isPage: true });
    expect(messages.filter((message) => message.link?.includes('interact'))).toEqual([]);
    const letterMessages = messages.filter((message) => message.eventType?.startsWith('LETTER_'));
    expect(letterMessages.length).toBeGreaterThan(0);
    for (const message of letterMessages) expect(message.link).toMatch(/^(mailbox|staff)\/letter\/index\?id=\w+$/);
  });

  it('the fake WeChat, started with the page list, accepts every link and refuses other pages with 41030', async () => {
    const wechat = createWechat(t.config, t.redis);
    const openid = 'o_page_links_resident';
    t.fake.control.upsertUser({ openid });
    t.fake.control.acceptSubscription({ openid, templateId: 'TPL_BOOKING_REMINDER', longTerm: true });
    const send = (page: string) =>
      wechat.miniProgram.sendSubscribeMessage({ openid, templateId: 'TPL_BOOKING_REMINDER', page, data: { thing1: '户籍迁移', time2: '2026年11月23日 09:30', thing3: '城东分中心', thing4: '请按时到场' } });
    for (const link of [pageLinks.appointment('a1'), pageLinks.residentLetter('l1'), pageLinks.feeOrder('f1'), pageLinks.staffFollowUps()]) await send(link);
    await expect(send('pages/booking/detail?id=a1')).rejects.toMatchObject({ errcode: 41030 });
    const attempts = t.fake.state.subscribeAttempts.filter((attempt) => attempt.touser === openid);
    expect(attempts.map((attempt) => attempt.errcode)).toEqual([0, 0, 0, 0, 41030]);

    // The control API changes the released pages, as a new version of the app would.
    const answer = await fetch(`${t.fake.url}/__control/pages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pages: ['pages/index/index'] }) });
    expect(answer.status).toBe(200);
    await expect(send(pageLinks.appointment('a1'))).rejects.toMatchObject({ errcode: 41030 });
    t.fake.control.setPages([...miniProgramPages]);
    await send(pageLinks.appointment('a1'));
  });
});
