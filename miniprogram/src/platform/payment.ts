import Taro from '@tarojs/taro';
import { isUserCancel } from './platform-error';

/** The parameters the BFF returns for a JSAPI prepay order (WeChat Pay v3, RSA signed). */
export type WechatPayParams = {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
};

export type PaymentOutcome =
  | { outcome: 'paid' }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; message: string }
  /** No WeChat Pay here (the H5 demo): the caller offers the demo's simulated payment instead. */
  | { outcome: 'unavailable'; message: string };

/**
 * `wx.requestPayment`. "paid" only means the WeChat client finished: the order is final when the
 * BFF has the payment notification, so callers re-read the order afterwards.
 */
export async function requestWechatPayment(params: WechatPayParams): Promise<PaymentOutcome> {
  if (process.env.TARO_ENV === 'h5') {
    return { outcome: 'unavailable', message: '浏览器演示版不支持微信支付' };
  }
  try {
    await Taro.requestPayment({ ...params });
    return { outcome: 'paid' };
  } catch (error) {
    if (isUserCancel(error)) return { outcome: 'cancelled' };
    return { outcome: 'failed', message: '支付未完成，请稍后重试' };
  }
}
