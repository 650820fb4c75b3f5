import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { needsWechatPrivacyAuthorization, listenForWechatPrivacyAuthorization } from '@/platform/privacy-authorization';
import { privacyAgreeButtonId, privacyPrompt, type PrivacyReason, type PrivacyRequest } from '@/privacy/privacy-prompt';
import { describeError } from '@/services/error-message';
import { recordConsent } from '@/services/profile-service';
import { profileStore } from '@/session/profile-store';
import { currentProfile, useProfile } from './use-profile';

/**
 * Before the first use of the phone number or images: the resident must have agreed to the current
 * 《隐私保护指引》, both on record at the BFF (`needsPrivacyConsent`) and, on weapp, with WeChat's
 * privacy authorisation. Resolves true when they have (asking with the consent sheet if needed).
 */
export async function ensurePrivacyConsent(reason: PrivacyReason): Promise<boolean> {
  const [profile, needsWechat] = await Promise.all([currentProfile(), needsWechatPrivacyAuthorization()]);
  if (!(profile?.needsPrivacyConsent ?? false) && !needsWechat) return true;
  return privacyPrompt.ask(reason);
}

/** weapp: WeChat's own "this API needs privacy authorisation" event opens the same sheet. Call once. */
export function startPrivacyAuthorizationListener(): void {
  listenForWechatPrivacyAuthorization((resolve) => privacyPrompt.askForWechat(resolve));
}

export function usePrivacyRequest(): PrivacyRequest | null {
  return useSyncExternalStore(privacyPrompt.subscribe, privacyPrompt.get, privacyPrompt.get);
}

export type PrivacyAnswer = {
  request: PrivacyRequest | null;
  /** True while the BFF has no consent to the current version from this resident. */
  needsConsent: boolean;
  isSubmitting: boolean;
  errorMessage: string | null;
  /** Records the consent (`POST /me/consents`) and lets whatever waited continue. */
  agree: () => Promise<boolean>;
  decline: () => void;
};

/** What the consent sheet and the guide page's agree buttons do. */
export function usePrivacyAnswer(): PrivacyAnswer {
  const request = usePrivacyRequest();
  const { profile } = useProfile();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);

  // weapp's agree button reports both its tap and WeChat's agreement: one answer for both.
  const inFlight = useRef<Promise<boolean> | null>(null);
  const agree = useCallback(() => {
    inFlight.current ??= (async () => {
      setIsSubmitting(true);
      setErrorMessage(null);
      try {
        const latest = await currentProfile();
        if (latest?.needsPrivacyConsent) profileStore.set(await recordConsent('PRIVACY_POLICY', latest.privacyPolicyVersion));
        privacyPrompt.settle(true);
        return true;
      } catch (error) {
        setErrorMessage(describeError(error));
        return false;
      } finally {
        setIsSubmitting(false);
        inFlight.current = null;
      }
    })();
    return inFlight.current;
  }, []);

  const decline = useCallback(() => {
    setErrorMessage(null);
    privacyPrompt.settle(false);
  }, []);

  return { request, needsConsent: profile?.needsPrivacyConsent ?? false, isSubmitting, errorMessage, agree, decline };
}

export { privacyAgreeButtonId };
