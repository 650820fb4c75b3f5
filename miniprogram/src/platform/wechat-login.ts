import Taro from '@tarojs/taro';
import { PlatformError } from './platform-error';

/**
 * `wx.login`: a single-use code (about 5 minutes) for the BFF to exchange with code2Session.
 * The H5 build has no WeChat: Taro's production H5 `login` resolves without a code, so the browser
 * demo never calls this and logs in through the demo persona picker instead.
 */
export async function getWechatLoginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    throw new PlatformError('UNSUPPORTED', '浏览器中无法使用微信登录，请选择演示身份登录');
  }
  try {
    const { code } = await Taro.login({ timeout: 10_000 });
    if (code) return code;
  } catch {
    // Fall through to the message below: the reason is WeChat-internal and not actionable.
  }
  throw new PlatformError('FAILED', '微信登录失败，请稍后重试');
}
