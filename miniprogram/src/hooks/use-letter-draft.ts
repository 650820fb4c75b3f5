import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { z } from 'zod';
import { letterTypeSchema, type LetterType } from '@govpocket/shared';
import { newIdempotencyKey } from '@/services/booking-service';

/**
 * The letter being written, kept on the device after every change: a lost connection or a closed
 * mini-program loses nothing. The Idempotency-Key belongs to the draft, so sending it again after an
 * unanswered attempt cannot make two letters; a sent letter clears the draft.
 */
export type LetterDraft = {
  mailboxId: string | null;
  type: LetterType;
  title: string;
  body: string;
  images: Array<{ fileId: string; path: string }>;
  /** Opt-in: off until the resident turns it on (drafts saved before the opt-in rule start off too). */
  isPublishAgreed: boolean;
  idempotencyKey: string;
  draftVersion: 2;
};

const storageKey = 'gp:letter-draft';

// What an older build, or another page, left in storage is read back only when it still has this shape.
const storedDraftSchema = z.object({
  mailboxId: z.string().nullable(),
  type: letterTypeSchema,
  title: z.string(),
  body: z.string(),
  images: z.array(z.object({ fileId: z.string(), path: z.string() })),
  isPublishAgreed: z.boolean(),
  idempotencyKey: z.string().min(8),
  draftVersion: z.number().optional(),
});

const emptyDraft = (): LetterDraft => ({ mailboxId: null, type: 'SUGGEST', title: '', body: '', images: [], isPublishAgreed: false, idempotencyKey: newIdempotencyKey(), draftVersion: 2 });

function readDraft(): LetterDraft {
  try {
    const stored = storedDraftSchema.safeParse(Taro.getStorageSync(storageKey));
    if (stored.success) return { ...stored.data, isPublishAgreed: stored.data.draftVersion === 2 && stored.data.isPublishAgreed, draftVersion: 2 };
  } catch {
    // storage unavailable: start empty
  }
  return emptyDraft();
}

export function useLetterDraft(): { draft: LetterDraft; update: (patch: Partial<LetterDraft>) => void; clear: () => void } {
  const [draft, setDraft] = useState<LetterDraft>(readDraft);
  const update = useCallback((patch: Partial<LetterDraft>) => {
    setDraft((current) => {
      const next = { ...current, ...patch };
      try {
        Taro.setStorageSync(storageKey, next);
      } catch {
        // a full storage only loses the draft, never the letter
      }
      return next;
    });
  }, []);
  const clear = useCallback(() => {
    try {
      Taro.removeStorageSync(storageKey);
    } catch {
      // nothing stored
    }
    setDraft(emptyDraft());
  }, []);
  return { draft, update, clear };
}
