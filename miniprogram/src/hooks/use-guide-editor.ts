import { useEffect, useState } from 'react';
import type { GuideDetail, GuideInput } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { fetchAdminGuide, saveGuide, type GuideSaveFailure } from '@/services/guide-admin-service';
import { guideDetailToInput } from '@/services/guide-input-form';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type GuideEditor = {
  guide: RemoteData<GuideDetail>;
  draft: GuideInput | null;
  update: (change: (draft: GuideInput) => GuideInput) => void;
  isSaving: boolean;
  failure: GuideSaveFailure | null;
  /** The version the last successful save produced. */
  savedVersion: number | null;
  save: () => Promise<void>;
};

/** 编辑办事指南: the guide as an editable input, saved whole with PUT (a new version). */
export function useGuideEditor(code: string | null): GuideEditor {
  const guide = useRemoteData(code ? `admin-guide:${code}` : null, () => fetchAdminGuide(code ?? ''));
  const [draft, setDraft] = useState<GuideInput | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [failure, setFailure] = useState<GuideSaveFailure | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  const loaded = guide.state.status === 'ready' ? guide.state.data : null;
  useEffect(() => {
    if (loaded) setDraft({ ...guideDetailToInput(loaded), changeNote: '' });
  }, [loaded]);

  const save = async (): Promise<void> => {
    if (!draft) return;
    setIsSaving(true);
    setFailure(null);
    try {
      const outcome = await saveGuide({ ...draft, changeNote: draft.changeNote?.trim() ? draft.changeNote : undefined });
      if (outcome.isSaved) {
        setSavedVersion(outcome.guide.version);
        guide.replace(outcome.guide);
      } else {
        setFailure(outcome.failure);
      }
    } catch (error) {
      setFailure({ message: describeError(error), fieldErrors: {} });
    } finally {
      setIsSaving(false);
    }
  };

  return { guide: guide.state, draft, update: (change) => setDraft((current) => (current ? change(current) : current)), isSaving, failure, savedVersion, save };
}
