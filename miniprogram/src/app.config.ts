export default defineAppConfig({
  pages: ['pages/index/index', 'pages/services/index', 'pages/interact/index', 'pages/mine/index', 'pages/login/index',
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
  ],
  subPackages: [
    // Staff and admin code is downloaded only by the people who open it, and each page checks the role.
    { root: 'staff', name: 'staff', pages: ['index/index', 'bind/index', 'today/index', 'counter/index', 'pre-reviews/index', 'follow-ups/index', 'trip-stats/index', 'guide-errors/index', 'letters/index', 'letter/index', 'consultations/index', 'consultation-edit/index', 'consultation-answer/index'] },
    { root: 'admin', name: 'admin', pages: ['index/index', 'guides/index', 'guide-edit/index', 'guide-import/index'] },
    // 我的: message centre and my data (export, account deletion), issue #3
    { root: 'account', name: 'account', pages: ['messages/index', 'data/index', /* 我的缴费, issue #6 */ 'fees/index', 'fee/index'] },
    // 预约办理 and 我的预约, issue #5
    { root: 'booking', name: 'booking', pages: ['index/index', 'confirm/index', 'list/index', 'detail/index'] },
    // 领导信箱: 写信, 我的留言, 查询, 信件选登 and statistics, issue #7
    { root: 'mailbox', name: 'mailbox', pages: ['write/index', 'receipt/index', 'letters/index', 'letter/index', 'lookup/index', 'public/index'] },
    // 意见征集 and 采纳情况反馈, issue #8 (the department's pages are in staff)
    { root: 'consultation', name: 'consultation', pages: ['list/index', 'detail/index', 'opinion/index', 'mine/index', 'feedback/index'] },
  ],
  // Inject only the components a page uses (WeChat's recommended start-up optimisation).
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarTitleText: '政务掌上通',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6fa',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#1f5fbf',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/services/index', text: '办事', iconPath: 'assets/tabbar/services.png', selectedIconPath: 'assets/tabbar/services-active.png' },
      { pagePath: 'pages/interact/index', text: '互动', iconPath: 'assets/tabbar/interact.png', selectedIconPath: 'assets/tabbar/interact-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
});
