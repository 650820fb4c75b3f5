import Taro from '@tarojs/taro';
import { linkTarget } from '@govpocket/shared';
import { showNotice } from '@/notice/notice';

/**
 * Opens the page a message points at (`booking/detail/index?id=…`, with or without the leading
 * slash): a tab page with switchTab (which cannot carry a query: it shows its start state), any
 * other page of the app with navigateTo. A link to a page this version does not have (an old
 * message, a newer server) says so at once.
 */
export function openLink(link: string): void {
  const target = linkTarget(link);
  if (target.kind === 'unknown') {
    showNotice('页面打开失败，请稍后再试');
    return;
  }
  const opening = target.kind === 'tab' ? Taro.switchTab({ url: target.url }) : Taro.navigateTo({ url: target.url });
  void opening.catch(() => showNotice('页面打开失败，请稍后再试'));
}
