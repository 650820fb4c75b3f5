import Taro from '@tarojs/taro';
import { isUserCancel, PlatformError } from './platform-error';

export type ScanOutcome = { outcome: 'scanned'; text: string } | { outcome: 'cancelled' };

/**
 * Scans a QR code (staff checking a resident in). Browsers in the H5 demo have no scanner, so the
 * fallback asks for the code as text, the same way window staff may type a 6-digit check-in code.
 */
export async function scanCode(): Promise<ScanOutcome> {
  if (process.env.TARO_ENV === 'h5') {
    const text = typeof window !== 'undefined' ? window.prompt('请输入二维码内容或 6 位签到码') : null;
    return text && text.trim() ? { outcome: 'scanned', text: text.trim() } : { outcome: 'cancelled' };
  }
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return { outcome: 'scanned', text: result };
  } catch (error) {
    if (isUserCancel(error)) return { outcome: 'cancelled' };
    throw new PlatformError('FAILED', '扫码失败，请重试或手动输入签到码');
  }
}
