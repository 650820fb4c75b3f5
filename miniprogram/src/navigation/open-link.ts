import Taro from '@tarojs/taro';
import { isMiniProgramPage } from '@govpocket/shared';
import { showNotice } from '@/notice/notice';
import { routes } from './routes';

const tabPaths: ReadonlySet<string> = new Set([routes.home, routes.services, routes.interact, routes.mine]);

/**
 * Opens the page a message points at (`booking/detail/index?id=…`, with or without the leading
 * slash). Tab pages open with switchTab, which cannot carry a query: they show their start state.
 */
export function openLink(link: string): void {
  // A link to a page this version does not have (an old message, a newer server) says so at once.
  if (!isMiniProgramPage(link)) {
    showNotice('该页面暂未开放，请稍后再试');
    return;
  }
  const url = link.startsWith('/') ? link : `/${link}`;
  const path = url.split('?')[0] ?? url;
  const opening = tabPaths.has(path) ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url });
  void opening.catch(() => showNotice('该页面暂未开放，请稍后再试'));
}
