import { useState } from 'react';
import type { LetterReceipt, MailboxView } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { uploadImage } from '@/services/file-service';
import { fetchMailboxes, submitLetter } from '@/services/mailbox-service';
import { useImagePicker } from './use-image-picker';
import { useLetterDraft, type LetterDraft } from './use-letter-draft';
import { useRemoteData, type RemoteData } from './use-remote-data';

export const maxLetterImages = 9;

export type WriteLetter = {
  mailboxes: RemoteData<MailboxView[]>;
  draft: LetterDraft;
  update: (patch: Partial<LetterDraft>) => void;
  addImages: () => Promise<void>;
  removeImage: (fileId: string) => void;
  send: () => Promise<LetterReceipt | null>;
  isBusy: boolean;
  errorMessage: string | null;
};

/** 写信: choose a mailbox and a type, write, add images, send; the draft survives everything but sending. */
export function useWriteLetter(): WriteLetter {
  const mailboxes = useRemoteData('mailboxes', fetchMailboxes);
  const { draft, update, clear } = useLetterDraft();
  const picker = useImagePicker();
  const [isBusy, setIsBusy] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const mailboxId = draft.mailboxId ?? (mailboxes.state.status === 'ready' ? (mailboxes.state.data[0]?.id ?? null) : null);

  const addImages = async (): Promise<void> => {
    const room = maxLetterImages - draft.images.length;
    if (room <= 0) return;
    const picked = await picker.pickImages(room);
    setIsBusy(true);
    try {
      const uploaded = [];
      for (const image of picked) uploaded.push({ fileId: (await uploadImage({ path: image.path, purpose: 'LETTER_IMAGE' })).fileId, path: image.path });
      update({ images: [...draft.images, ...uploaded] });
    } catch (error) {
      setErrorMessage(describeError(error));
    } finally {
      setIsBusy(false);
    }
  };

  const send = async (): Promise<LetterReceipt | null> => {
    if (!mailboxId) {
      setErrorMessage('请选择信箱');
      return null;
    }
    setIsBusy(true);
    setErrorMessage(null);
    try {
      const receipt = await submitLetter(
        { mailboxId, type: draft.type, title: draft.title.trim(), body: draft.body.trim(), imageFileIds: draft.images.map((image) => image.fileId), isPublishAgreed: draft.type !== 'REPORT' && draft.isPublishAgreed },
        draft.idempotencyKey,
      );
      clear();
      return receipt;
    } catch (error) {
      setErrorMessage(describeError(error));
      return null;
    } finally {
      setIsBusy(false);
    }
  };

  return {
    mailboxes: mailboxes.state, draft: { ...draft, mailboxId }, update, addImages, isBusy: isBusy || picker.isPicking, errorMessage: errorMessage ?? picker.errorMessage, send,
    removeImage: (fileId) => update({ images: draft.images.filter((image) => image.fileId !== fileId) }),
  };
}
