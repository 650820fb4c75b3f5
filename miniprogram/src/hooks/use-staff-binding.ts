import { useCallback, useState } from 'react';
import { bindStaffAccount } from '@/services/staff-binding-service';
import { describeError } from '@/services/error-message';
import { sessionStore } from '@/session/session-store';

export type StaffBinding = {
  code: string;
  setCode: (code: string) => void;
  isSubmitting: boolean;
  errorMessage: string | null;
  /** Redeems the code; on success the session carries the new staff role. */
  submit: () => Promise<boolean>;
};

export function useStaffBinding(): StaffBinding {
  const [code, setCode] = useState('');
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);

  const submit = useCallback(async () => {
    setIsSubmitting(true);
    setErrorMessage(null);
    try {
      sessionStore.updateUser(await bindStaffAccount(code));
      return true;
    } catch (error) {
      setErrorMessage(describeError(error));
      return false;
    } finally {
      setIsSubmitting(false);
    }
  }, [code]);

  return { code, setCode, isSubmitting, errorMessage, submit };
}
