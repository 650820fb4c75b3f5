/**
 * The pages of the mini-program, in one place: miniprogram/src/app.config.ts builds its `pages` and
 * `subPackages` from these lists (Taro reads the config through esbuild, which follows this import),
 * and the BFF builds every link it sends (message centre `link`, subscribe message `page`) with
 * `pageLinks`, so a link can only name a page the released mini-program has. WeChat refuses a
 * subscribe message whose page it does not know (41030).
 *
 * This file imports nothing: the app config bundles it on its own.
 */
export const mainPackagePages = [
  'pages/index/index',
  'pages/services/index',
  'pages/interact/index',
  'pages/mine/index',
  'pages/login/index',
  // 办事指南 (issue #4)
  'pages/guide-search/index',
  'pages/guide-list/index',
  'pages/guide-detail/index',
  'pages/guide-checklist/index',
  'pages/guide-error-report/index',
  'pages/guide-favourites/index',
  'pages/guide-recent/index',
  // 隐私保护指引 (issue #3): in the main package, so it opens at once from the consent sheet
  'pages/privacy/index',
] as const;

export const subPackages = [
  // Staff and admin code is downloaded only by the people who open it, and each page checks the role.
  {
    root: 'staff',
    name: 'staff',
    pages: ['index/index', 'bind/index', 'today/index', 'counter/index', 'pre-reviews/index', 'follow-ups/index', 'trip-stats/index', 'guide-errors/index', 'letters/index', 'letter/index', 'consultations/index', 'consultation-edit/index', 'consultation-answer/index'],
  },
  { root: 'admin', name: 'admin', pages: ['index/index', 'guides/index', 'guide-edit/index', 'guide-import/index'] },
  // 我的: message centre and my data (export, account deletion), issue #3; 我的缴费, issue #6
  { root: 'account', name: 'account', pages: ['messages/index', 'data/index', 'fees/index', 'fee/index'] },
  // 预约办理 and 我的预约, issue #5
  { root: 'booking', name: 'booking', pages: ['index/index', 'confirm/index', 'list/index', 'detail/index'] },
  // 领导信箱: 写信, 我的留言, 查询, 信件选登 and statistics, issue #7
  { root: 'mailbox', name: 'mailbox', pages: ['write/index', 'receipt/index', 'letters/index', 'letter/index', 'lookup/index', 'public/index'] },
  // 意见征集 and 采纳情况反馈, issue #8 (the department's pages are in staff)
  { root: 'consultation', name: 'consultation', pages: ['list/index', 'detail/index', 'opinion/index', 'mine/index', 'feedback/index'] },
] as const;

/** The tab bar's pages (app.config.ts `tabBar.list`): opened with switchTab, which drops the query. */
export const tabBarPages = ['pages/index/index', 'pages/services/index', 'pages/interact/index', 'pages/mine/index'] as const;

type SubPackage = (typeof subPackages)[number];
type SubPackagePage<P extends SubPackage> = P extends { root: infer R extends string; pages: readonly (infer Q extends string)[] } ? `${R}/${Q}` : never;

/** A page path as WeChat knows it: no leading slash, no query. */
export type MiniProgramPage = (typeof mainPackagePages)[number] | SubPackagePage<SubPackage>;

export const miniProgramPages: readonly MiniProgramPage[] = [
  ...mainPackagePages,
  ...subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}` as MiniProgramPage)),
];

const knownPages: ReadonlySet<string> = new Set(miniProgramPages);

/** Whether a link (`booking/detail/index?id=…`, with or without a leading slash) opens a page of the app. */
export function isMiniProgramPage(link: string): boolean {
  const path = (link.split('?')[0] ?? '').replace(/^\//, '');
  return knownPages.has(path);
}

/**
 * How the mini-program opens a link: a tab page with switchTab (no query), any other page of the
 * app with navigateTo (`/path?query`), anything else not at all.
 */
export type LinkTarget = { kind: 'tab'; url: string } | { kind: 'page'; url: string } | { kind: 'unknown' };

export function linkTarget(link: string): LinkTarget {
  const trimmed = link.trim().replace(/^\//, '');
  const [path = '', query] = trimmed.split(/\?(.*)/s);
  if ((tabBarPages as readonly string[]).includes(path)) return { kind: 'tab', url: `/${path}` };
  if (knownPages.has(path)) return { kind: 'page', url: query ? `/${path}?${query}` : `/${path}` };
  return { kind: 'unknown' };
}

/** `page?key=value&…` with the values URL-encoded; empty values are left out. */
export function pageLink(page: MiniProgramPage, query: Record<string, string> = {}): string {
  const pairs = Object.entries(query).filter(([, value]) => value !== '');
  if (pairs.length === 0) return page;
  return `${page}?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&')}`;
}

/** Every link the BFF puts into a notification, by what it opens. */
export const pageLinks = {
  /** 我的预约 → one appointment (签到码, pre-review results, rating). */
  appointment: (appointmentId: string): string => pageLink('booking/detail/index', { id: appointmentId }),
  /** 我的预约: the list (e.g. after a no-show pause). */
  appointments: (): string => pageLink('booking/list/index'),
  /** The resident's own letter. */
  residentLetter: (letterId: string): string => pageLink('mailbox/letter/index', { id: letterId }),
  /** The staff letter screen. */
  staffLetter: (letterId: string): string => pageLink('staff/letter/index', { id: letterId }),
  consultation: (consultationId: string): string => pageLink('consultation/detail/index', { id: consultationId }),
  feeOrder: (feeOrderId: string): string => pageLink('account/fee/index', { id: feeOrderId }),
  guide: (itemCode: string): string => pageLink('pages/guide-detail/index', { code: itemCode }),
  /** Window staff: the 回访 tasks of their hall. */
  staffFollowUps: (): string => pageLink('staff/follow-ups/index'),
  /** Guide maintainers: 指南纠错 waiting for an answer. */
  staffGuideErrors: (): string => pageLink('staff/guide-errors/index'),
} as const;
