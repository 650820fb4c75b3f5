import Taro from '@tarojs/taro';

/**
 * Dials a hotline from the mini-program (WeChat asks the resident to confirm). The H5 demo renders
 * a `tel:` link instead (see components/phone-link.tsx), which phones open in their dialler.
 */
export function callPhone(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => {
    // The resident cancelled the WeChat confirmation: nothing to report.
  });
}

/** Digits, `+` and `-` only, for the `tel:` URI. */
export function telHref(phoneNumber: string): string {
  return `tel:${phoneNumber.replace(/[^\d+-]/g, '')}`;
}
