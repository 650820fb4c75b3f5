import { bundledGuideVersion } from '@/privacy/privacy-guide';
import { formatDateTime } from '@/format/date-time';
import { leavePage, routes } from '@/navigation/routes';
import { usePrivacyAnswer, type PrivacyAnswer } from './use-privacy-consent';
import { useProfile } from './use-profile';
import { useSession } from './use-session';

export type PrivacyGuide = Pick<PrivacyAnswer, 'isSubmitting' | 'errorMessage' | 'decline'> & {
  version: string;
  /** "您已于 2026年11月22日 09:30 同意本版本", when the signed-in resident has. */
  consentLine: string | null;
  /** Agree / decline buttons under the text: something waits for consent, or it is missing. */
  isAsking: boolean;
  isWechatWaiting: boolean;
  agree: () => Promise<void>;
};

/** The guide page: the version in force (from the BFF when signed in) and the resident's answer. */
export function usePrivacyGuide(): PrivacyGuide {
  const { isSignedIn } = useSession();
  const { profile } = useProfile();
  const answer = usePrivacyAnswer();
  const version = profile?.privacyPolicyVersion ?? bundledGuideVersion;
  const consent = profile?.consents.find((candidate) => candidate.kind === 'PRIVACY_POLICY' && candidate.version === version);

  const agree = async () => {
    const wasAsked = answer.request !== null;
    // Opened from the consent sheet: go back to what was waiting for the answer.
    if ((await answer.agree()) && wasAsked) leavePage(routes.mine);
  };
  const decline = () => {
    const wasAsked = answer.request !== null;
    answer.decline();
    if (wasAsked) leavePage(routes.mine);
  };

  return {
    version,
    consentLine: consent ? `您已于 ${formatDateTime(consent.acceptedAt)} 同意本版本` : null,
    isAsking: answer.request !== null || (isSignedIn && answer.needsConsent),
    isWechatWaiting: answer.request?.isWechatWaiting ?? false,
    isSubmitting: answer.isSubmitting,
    errorMessage: answer.errorMessage,
    agree,
    decline,
  };
}
