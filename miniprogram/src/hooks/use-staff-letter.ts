import { useState } from 'react';
import type { PublishPreview, StaffLetter } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { actOnLetter, fetchPublishPreview, fetchStaffLetter, publishLetter, returnLetter } from '@/services/mailbox-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type StaffLetterView = {
  letter: RemoteData<StaffLetter>;
  reload: () => void;
  /** POST /staff/letters/:id/<action>; true when it went through. */
  act: (action: string, body?: object) => Promise<boolean>;
  giveBack: (reason: string) => Promise<boolean>;
  preview: PublishPreview | null;
  loadPreview: () => Promise<void>;
  publish: () => Promise<boolean>;
  isBusy: boolean;
  message: string | null;
  errorMessage: string | null;
};

/** One letter on the staff side and every action on it; each answer replaces what the page shows. */
export function useStaffLetter(id: string): StaffLetterView {
  const resource = useRemoteData(id ? `staff-letter:${id}` : null, () => fetchStaffLetter(id));
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<PublishPreview | null>(null);

  const run = async (work: () => Promise<string>): Promise<boolean> => {
    setIsBusy(true);
    setErrorMessage(null);
    setMessage(null);
    try {
      setMessage(await work());
      return true;
    } catch (error) {
      setErrorMessage(describeError(error));
      return false;
    } finally {
      setIsBusy(false);
    }
  };

  return {
    letter: resource.state, reload: resource.reload, preview, isBusy, message, errorMessage,
    act: (action, body = {}) => run(async () => {
      resource.replace(await actOnLetter(id, action, body));
      return '已完成';
    }),
    giveBack: (reason) => run(async () => {
      await returnLetter(id, reason);
      return '已退回信箱受理员';
    }),
    loadPreview: async () => {
      await run(async () => {
        setPreview(await fetchPublishPreview(id));
        return '请核对隐去个人信息后的内容';
      });
    },
    publish: () => run(async () => {
      setPreview(await publishLetter(id));
      resource.reload();
      return '已公开到信件选登';
    }),
  };
}
