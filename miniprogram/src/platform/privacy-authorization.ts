import Taro from '@tarojs/taro';

/**
 * WeChat's own privacy authorisation (用户隐私保护指引, base library ≥ 2.32.3). Taro 4.2 declares
 * these calls and copies them from `wx` at start-up, but not as promises, and only when the WeChat
 * client has them: every call checks at runtime and degrades to "nothing to authorise".
 */
export type WechatPrivacyResolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;

function hasApi(name: 'getPrivacySetting' | 'onNeedPrivacyAuthorization'): boolean {
  return process.env.TARO_ENV === 'weapp' && typeof Reflect.get(Taro, name) === 'function';
}

/** Whether WeChat will ask before the next privacy-relevant API (phone number, album, camera). */
export function needsWechatPrivacyAuthorization(): Promise<boolean> {
  if (!hasApi('getPrivacySetting')) return Promise.resolve(false);
  return new Promise((resolve) => {
    Taro.getPrivacySetting({
      success: (result) => resolve(result.needAuthorization),
      fail: () => resolve(false),
    });
  });
}

/**
 * WeChat calls `onNeed` when a privacy API or component is used before the user agreed; the API
 * waits until `resolve` is called with the id of the agree button the user tapped (a `Button` with
 * `openType="agreePrivacyAuthorization"`) or with `disagree`. Registered once, at app start.
 */
export function listenForWechatPrivacyAuthorization(onNeed: (resolve: WechatPrivacyResolve) => void): void {
  if (!hasApi('onNeedPrivacyAuthorization')) return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // Tells WeChat the app's own prompt is on screen (required before agree/disagree).
    resolve({ event: 'exposureAuthorization' });
    onNeed(resolve);
  });
}
