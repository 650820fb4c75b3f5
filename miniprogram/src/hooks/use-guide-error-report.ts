import { useState } from 'react';
import { guideErrorCategoryLabels, guideErrorCategorySchema, type GuideErrorCategory } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { reportGuideError } from '@/services/guide-service';

export const errorCategories: readonly { value: GuideErrorCategory; label: string }[] = guideErrorCategorySchema.options.map((value) => ({
  value,
  label: guideErrorCategoryLabels[value],
}));

export const contentLimits = { min: 5, max: 500 } as const;

export type GuideErrorReportForm = {
  category: GuideErrorCategory | null;
  setCategory: (category: GuideErrorCategory) => void;
  content: string;
  setContent: (content: string) => void;
  /** Characters counted the way the BFF counts them (trimmed). */
  contentLength: number;
  canSubmit: boolean;
  isSubmitting: boolean;
  isSubmitted: boolean;
  /** The BFF's Chinese message (content rejected, too many reports, …) or a local check's. */
  errorMessage: string | null;
  submit: () => Promise<void>;
};

/** 指南纠错: what is wrong (category) and how (5–500 characters), sent to the owning department. */
export function useGuideErrorReport(code: string): GuideErrorReportForm {
  const [category, setCategory] = useState<GuideErrorCategory | null>(null);
  const [content, setContent] = useState('');
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [isSubmitted, setIsSubmitted] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);

  const contentLength = content.trim().length;
  const canSubmit = category !== null && contentLength >= contentLimits.min && contentLength <= contentLimits.max && !isSubmitting;

  const submit = async () => {
    if (category === null) {
      setErrorMessage('请选择纠错类型');
      return;
    }
    setIsSubmitting(true);
    setErrorMessage(null);
    try {
      await reportGuideError({ code, category, content });
      setIsSubmitted(true);
    } catch (error) {
      setErrorMessage(describeError(error));
    } finally {
      setIsSubmitting(false);
    }
  };

  return { category, setCategory, content, setContent, contentLength, canSubmit, isSubmitting, isSubmitted, errorMessage, submit };
}
