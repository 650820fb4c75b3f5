import Taro from '@tarojs/taro';

/**
 * H5 demo: which demo persona the browser signed in as. It stands in for the WeChat account that
 * the fake WeChat needs to know about (subscribe-message acceptances, payments).
 */
const storageKey = 'govpocket.demoPersona';

export function rememberDemoPersona(personaKey: string): void {
  Taro.setStorageSync(storageKey, personaKey);
}

export function currentDemoPersona(): string | null {
  const value: unknown = Taro.getStorageSync(storageKey);
  return typeof value === 'string' && value !== '' ? value : null;
}

export function forgetDemoPersona(): void {
  Taro.removeStorageSync(storageKey);
}
