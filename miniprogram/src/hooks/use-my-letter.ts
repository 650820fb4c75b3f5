import { useState } from 'react';
import type { LetterSatisfaction, ResidentLetter } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { answerSupplement, fetchMyLetter, rateLetter } from '@/services/mailbox-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type MyLetter = {
  letter: RemoteData<ResidentLetter>;
  reload: () => void;
  rate: (satisfaction: LetterSatisfaction, comment: string) => Promise<void>;
  supplement: (response: string) => Promise<void>;
  isBusy: boolean;
  errorMessage: string | null;
};

/** One of my letters: its public timeline and reply; rating it and answering a request for more information. */
export function useMyLetter(id: string, isSignedIn: boolean): MyLetter {
  const resource = useRemoteData(isSignedIn && id ? `letter:${id}` : null, () => fetchMyLetter(id));
  const [isBusy, setIsBusy] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const run = async (work: () => Promise<ResidentLetter>): Promise<void> => {
    setIsBusy(true);
    setErrorMessage(null);
    try {
      resource.replace(await work());
    } catch (error) {
      setErrorMessage(describeError(error));
    } finally {
      setIsBusy(false);
    }
  };
  return {
    letter: resource.state, reload: resource.reload, isBusy, errorMessage,
    rate: (satisfaction, comment) => run(() => rateLetter(id, { satisfaction, comment: comment.trim() || undefined })),
    supplement: (response) => run(() => answerSupplement(id, response)),
  };
}
