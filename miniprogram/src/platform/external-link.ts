import Taro from '@tarojs/taro';
import { showNotice } from '@/notice/notice';

/**
 * A mini-program cannot open arbitrary web pages (only registered business domains), so a blank
 * form or sample link is copied for the resident to open in a browser. The H5 demo links directly.
 */
export function copyLinkForBrowser(url: string): void {
  Taro.setClipboardData({ data: url }).then(
    () => showNotice('链接已复制，请在浏览器中打开', 'success'),
    () => showNotice('复制失败，请稍后重试', 'error'),
  );
}
