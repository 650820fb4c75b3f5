import Taro from '@tarojs/taro';
import { showNotice } from '@/notice/notice';

export const routes = {
  home: '/pages/index/index',
  services: '/pages/services/index',
  interact: '/pages/interact/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  guideSearch: '/pages/guide-search/index',
  guideList: '/pages/guide-list/index',
  guideDetail: '/pages/guide-detail/index',
  guideChecklist: '/pages/guide-checklist/index',
  guideErrorReport: '/pages/guide-error-report/index',
  guideFavourites: '/pages/guide-favourites/index',
  guideRecent: '/pages/guide-recent/index',
  staffHome: '/staff/index/index',
  staffBind: '/staff/bind/index',
  adminHome: '/admin/index/index',
  // 我的: privacy guide (main package), message centre and my data (account subpackage)
  privacy: '/pages/privacy/index',
  messages: '/account/messages/index',
  myData: '/account/data/index',
  // 预约办理 and 我的预约 (booking subpackage), window staff's day (staff subpackage), issue #5
  booking: '/booking/index/index',
  bookingConfirm: '/booking/confirm/index',
  appointments: '/booking/list/index',
  appointmentDetail: '/booking/detail/index',
  staffToday: '/staff/today/index',
  staffCounter: '/staff/counter/index',
  staffPreReviews: '/staff/pre-reviews/index',
  staffFollowUps: '/staff/follow-ups/index',
  staffTripStats: '/staff/trip-stats/index',
  // 指南纠错处理 (staff subpackage), issue #4
  staffGuideErrors: '/staff/guide-errors/index',
  adminGuides: '/admin/guides/index',
  // 领导信箱 (mailbox subpackage) and letter handling (staff subpackage), issue #7
  letterWrite: '/mailbox/write/index',
  letterReceipt: '/mailbox/receipt/index',
  myLetters: '/mailbox/letters/index',
  letterDetail: '/mailbox/letter/index',
  letterLookup: '/mailbox/lookup/index',
  publicLetters: '/mailbox/public/index',
  staffLetters: '/staff/letters/index',
  staffLetter: '/staff/letter/index',
  // 意见征集 (consultation subpackage) and the department's drafting and answering (staff), issue #8
  consultations: '/consultation/list/index',
  consultationDetail: '/consultation/detail/index',
  consultationOpinion: '/consultation/opinion/index',
  myOpinions: '/consultation/mine/index',
  consultationFeedback: '/consultation/feedback/index',
  staffConsultations: '/staff/consultations/index',
  staffConsultationEdit: '/staff/consultation-edit/index',
  staffConsultationAnswer: '/staff/consultation-answer/index',
  // 我的缴费 and one fee order (account subpackage), issue #6
  myFees: '/account/fees/index',
  feeOrder: '/account/fee/index',
} as const;

export type TabRoute = (typeof routes)['home' | 'services' | 'interact' | 'mine'];
export type PageRoute = Exclude<(typeof routes)[keyof typeof routes], TabRoute>;

export function openTab(route: TabRoute): void {
  void Taro.switchTab({ url: route });
}

export function openPage(route: PageRoute, params: Record<string, string> = {}): void {
  const query = Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  void Taro.navigateTo({ url: query ? `${route}?${query}` : route });
}

/** Leaves a page opened with `openPage`, or lands on a tab when it was opened directly (H5 link). */
export function leavePage(fallback: TabRoute = routes.home): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else {
    openTab(fallback);
  }
}

/**
 * Staff and admin entries whose pages arrive in later releases announce themselves instead of doing
 * nothing. Never on a resident's screen (tests/miniprogram/resident-pages.test.ts).
 */
export function announceComingSoon(feature: string): void {
  showNotice(`${feature}功能即将开放`);
}
