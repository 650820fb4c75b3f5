import { useCallback, useState } from 'react';
import { chooseImages, type PickedImage } from '@/platform/choose-images';
import { describeError } from '@/services/error-message';
import { recordConsent } from '@/services/profile-service';
import { profileStore } from '@/session/profile-store';
import { ensurePrivacyConsent } from './use-privacy-consent';
import { currentProfile } from './use-profile';

export type ImagePicker = {
  /** Consent sheet first when needed; [] when the resident declined or cancelled. */
  pickImages: (count: number) => Promise<PickedImage[]>;
  isPicking: boolean;
  errorMessage: string | null;
};

/** Picking letter images: never before the privacy guide is agreed; the first use is recorded. */
export function useImagePicker(): ImagePicker {
  const [isPicking, setIsPicking] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);

  const pickImages = useCallback(async (count: number) => {
    setErrorMessage(null);
    if (!(await ensurePrivacyConsent('images'))) {
      setErrorMessage('需同意《隐私保护指引》后才能选择图片');
      return [];
    }
    setIsPicking(true);
    try {
      const profile = await currentProfile();
      if (profile && !profile.consents.some((consent) => consent.kind === 'IMAGES' && consent.version === profile.privacyPolicyVersion)) {
        profileStore.set(await recordConsent('IMAGES', profile.privacyPolicyVersion));
      }
      return await chooseImages(count);
    } catch (error) {
      setErrorMessage(describeError(error));
      return [];
    } finally {
      setIsPicking(false);
    }
  }, []);

  return { pickImages, isPicking, errorMessage };
}
