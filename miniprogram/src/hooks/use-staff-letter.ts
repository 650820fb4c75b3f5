import { useState } from 'react';
import type { PublishPreview, PublishPreviewResponse, StaffLetter } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { actOnLetter, fetchPublishPreview, fetchStaffLetter, publishLetter, returnLetter, savePublicText, withdrawPublication } from '@/services/mailbox-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type StaffLetterView = {
  letter: RemoteData<StaffLetter>;
  reload: () => void;
  /** POST /staff/letters/:id/<action>; true when it went through. */
  act: (action: string, body?: object) => Promise<boolean>;
  giveBack: (reason: string) => Promise<boolean>;
  /** The public copy (masked automatically, or as edited) and its state, once loaded. */
  publication: PublishPreviewResponse | null;
  loadPreview: () => Promise<void>;
  saveText: (text: PublishPreview) => Promise<boolean>;
  publish: () => Promise<boolean>;
  withdraw: (reason: string) => Promise<boolean>;
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
  const [publication, setPublication] = useState<PublishPreviewResponse | null>(null);

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
    letter: resource.state, reload: resource.reload, publication, isBusy, message, errorMessage,
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
        setPublication(await fetchPublishPreview(id));
        return '请核对隐去个人信息后的内容，可修改后再公开';
      });
    },
    saveText: (text) => run(async () => {
      setPublication(await savePublicText(id, text));
      return '公开文本已保存（来信人原文不变）';
    }),
    publish: () => run(async () => {
      setPublication(await publishLetter(id));
      resource.reload();
      return '已公开到信件选登';
    }),
    withdraw: (reason) => run(async () => {
      setPublication(await withdrawPublication(id, reason));
      resource.reload();
      return '已撤回公开';
    }),
  };
}
