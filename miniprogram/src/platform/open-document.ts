import Taro from '@tarojs/taro';
import { showNotice } from '@/notice/notice';

/**
 * Shows a PDF: WeChat downloads it and opens its document viewer; the browser opens it in a new tab.
 */
export async function openPdf(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  try {
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
    if (statusCode !== 200) throw new Error(`download ${statusCode}`);
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
  } catch {
    showNotice('文件打开失败，请稍后重试', 'error');
  }
}
