// The page lists live in shared/ so that the BFF links only to pages that exist (Taro reads this
// file through esbuild, which bundles the import; the shared file imports nothing).
import { mainPackagePages, subPackages } from '../../shared/src/mini-program-pages';

export default defineAppConfig({
  pages: [...mainPackagePages],
  subPackages: subPackages.map((pkg) => ({ root: pkg.root, name: pkg.name, pages: [...pkg.pages] })),
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
