import Taro from '@tarojs/taro';

/** The red count on a tab-bar icon (both targets); cosmetic, so failures are ignored. */
export function showTabBadge(index: number, count: number): void {
  const update = count > 0 ? Taro.setTabBarBadge({ index, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge({ index });
  void update.catch(() => undefined);
}

/**
 * H5 draws the tab bar over the page, so a sheet at the bottom of a tab page would sit under it;
 * the bar steps aside while the sheet is up. weapp's native tab bar is outside the page: no-op.
 * Off a tab page the calls fail, which is fine: there is no bar to move.
 */
export function setTabBarHiddenForSheet(isHidden: boolean): void {
  if (process.env.TARO_ENV !== 'h5') return;
  void (isHidden ? Taro.hideTabBar({ animation: false }) : Taro.showTabBar({ animation: false })).catch(() => undefined);
}
