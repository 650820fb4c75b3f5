import { useCallback, useState } from 'react';
import { describeError } from '@/services/error-message';
import { savePreferences } from '@/services/profile-service';
import { profileStore } from '@/session/profile-store';
import { useProfile } from './use-profile';

export type Preferences = {
  /** 长辈版: larger type and tap targets, no pop-ups (see PageShell and notice/notice.ts). */
  isElderMode: boolean;
  isSaving: boolean;
  /** Chinese message of the last failed save, shown next to the switch. */
  errorMessage: string | null;
  setElderMode: (isElderMode: boolean) => Promise<void>;
};

/** The resident's display preferences; a change applies at once and is saved to the BFF. */
export function usePreferences(): Preferences {
  const { isElderMode } = useProfile();
  const [isSaving, setIsSaving] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);

  const setElderMode = useCallback(async (next: boolean) => {
    const previous = profileStore.get().isElderMode;
    profileStore.setElderMode(next);
    setIsSaving(true);
    setErrorMessage(null);
    try {
      profileStore.set(await savePreferences({ isElderMode: next }));
    } catch (error) {
      profileStore.setElderMode(previous);
      setErrorMessage(`长辈版设置未保存：${describeError(error)}`);
    } finally {
      setIsSaving(false);
    }
  }, []);

  return { isElderMode, isSaving, errorMessage, setElderMode };
}
