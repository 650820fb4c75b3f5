import { useRef, useState } from 'react';
import { describeError } from '@/services/error-message';
import { newIdempotencyKey } from '@/services/booking-service';
import { submitOpinion } from '@/services/consultation-service';

export const opinionLimits = { min: 10, max: 1000 } as const;

export type OpinionForm = {
  body: string;
  setBody: (body: string) => void;
  length: number;
  canSubmit: boolean;
  isSubmitting: boolean;
  isSubmitted: boolean;
  errorMessage: string | null;
  submit: () => Promise<void>;
};

/**
 * An opinion on the whole draft or one section. The Idempotency-Key is kept while the text stays
 * the same, so a retry after a lost answer never stores the opinion twice.
 */
export function useOpinionForm({ consultationId, sectionId }: { consultationId: string; sectionId: string | null }): OpinionForm {
  const [body, setBodyState] = useState('');
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [isSubmitted, setIsSubmitted] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  const length = [...body.trim()].length;

  const setBody = (next: string) => {
    if (next !== body) key.current = null;
    setBodyState(next);
  };

  const submit = async () => {
    setIsSubmitting(true);
    setErrorMessage(null);
    key.current ??= newIdempotencyKey();
    try {
      await submitOpinion({ consultationId, sectionId, body: body.trim(), idempotencyKey: key.current });
      setIsSubmitted(true);
    } catch (error) {
      setErrorMessage(describeError(error));
    } finally {
      setIsSubmitting(false);
    }
  };

  return { body, setBody, length, canSubmit: length >= opinionLimits.min && length <= opinionLimits.max && !isSubmitting, isSubmitting, isSubmitted, errorMessage, submit };
}
