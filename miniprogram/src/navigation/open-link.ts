import Taro from '@tarojs/taro';
import { showNotice } from '@/notice/notice';
import { routes } from './routes';

const tabPaths: ReadonlySet<string> = new Set([routes.home, routes.services, routes.interact, routes.mine]);

/**
 * Opens the page a message points at (`/pages/booking/detail?id=…`, with or without the leading
 * slash). Tab pages open with switchTab, which cannot carry a query: they show their start state.
 */
export function openLink(link: string): void {
  const url = link.startsWith('/') ? link : `/${link}`;
  const path = url.split('?')[0] ?? url;
  const opening = tabPaths.has(path) ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url });
  void opening.catch(() => showNotice('页面打开失败，请稍后再试'));
}
