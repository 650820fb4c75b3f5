import { useCallback, useState } from 'react';
import { currentDemoPersona } from '@/platform/demo-identity';
import { ApiError } from '@/services/api-error';
import { requestDemoPhoneCode } from '@/services/demo-wechat-service';
import { describeError } from '@/services/error-message';
import { bindPhone } from '@/services/profile-service';
import { profileStore } from '@/session/profile-store';
import { sessionStore } from '@/session/session-store';
import { showNotice } from '@/notice/notice';
import { ensurePrivacyConsent } from './use-privacy-consent';
import { refreshProfile, useProfile } from './use-profile';

/** What the phone-number button hands over: a code, or an errMsg when the user said no. */
export type WechatPhoneDetail = { code?: string; errMsg: string };

export type PhoneBinding = {
  maskedPhone: string | null;
  /**
   * weapp: WeChat's phone-number button may be shown. Until the privacy guide is agreed a plain
   * button asks for consent first, because the BFF refuses a phone number without it.
   */
  canUseWechatPhoneButton: boolean;
  isBinding: boolean;
  errorMessage: string | null;
  /** The plain button: consent sheet if needed; the H5 demo then binds the persona's number. */
  start: () => Promise<void>;
  /** weapp: `onGetPhoneNumber` of `<Button openType="getPhoneNumber">`. */
  bindWithWechatDetail: (detail: WechatPhoneDetail) => Promise<void>;
};

export function usePhoneBinding(): PhoneBinding {
  const { profile } = useProfile();
  const [isBinding, setIsBinding] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);

  const bindCode = useCallback(async (getCode: () => Promise<string>) => {
    setIsBinding(true);
    setErrorMessage(null);
    try {
      const maskedPhone = await bindPhone(await getCode());
      profileStore.setMaskedPhone(maskedPhone);
      const user = sessionStore.get()?.user;
      if (user) sessionStore.updateUser({ ...user, hasPhone: true });
      showNotice('手机号已绑定', 'success');
    } catch (error) {
      // 403: the guide changed since the profile was read; re-read so the consent sheet shows next time.
      if (error instanceof ApiError && error.status === 403) void refreshProfile().catch(() => undefined);
      setErrorMessage(describeError(error));
    } finally {
      setIsBinding(false);
    }
  }, []);

  const start = useCallback(async () => {
    setErrorMessage(null);
    if (!(await ensurePrivacyConsent('phone'))) {
      setErrorMessage('需同意《隐私保护指引》后才能绑定手机号');
      return;
    }
    // weapp: the consent is recorded, and the phone-number button replaces this one.
    if (process.env.TARO_ENV !== 'h5') return;
    const personaKey = currentDemoPersona();
    if (!personaKey) {
      setErrorMessage('请重新选择演示身份登录后再绑定手机号');
      return;
    }
    await bindCode(() => requestDemoPhoneCode(personaKey));
  }, [bindCode]);

  const bindWithWechatDetail = useCallback(
    async ({ code, errMsg }: WechatPhoneDetail) => {
      if (!code) {
        setErrorMessage(/deny|cancel/i.test(errMsg) ? '您已取消手机号授权' : '未能获取手机号，请稍后重试');
        return;
      }
      await bindCode(() => Promise.resolve(code));
    },
    [bindCode],
  );

  return {
    maskedPhone: profile?.maskedPhone ?? null,
    canUseWechatPhoneButton: profile !== null && !profile.needsPrivacyConsent,
    isBinding,
    errorMessage,
    start,
    bindWithWechatDetail,
  };
}
