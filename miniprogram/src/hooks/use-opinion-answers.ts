import { useState } from 'react';
import type { OpinionOutcomeKind, StaffConsultation } from '@govpocket/shared';
import { answerOpinions, fetchStaffConsultation, publishFeedback } from '@/services/consultation-service';
import { ApiError } from '@/services/api-error';
import { describeError } from '@/services/error-message';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type AnswerDraft = { outcome: OpinionOutcomeKind | null; reason: string; summary: string; mergedIntoNo: string };

export type OpinionAnswers = {
  consultation: RemoteData<StaffConsultation>;
  selected: ReadonlySet<string>;
  toggle: (opinionId: string) => void;
  selectUnanswered: () => void;
  draft: AnswerDraft;
  setDraft: (change: Partial<AnswerDraft>) => void;
  apply: () => Promise<void>;
  explanation: string;
  setExplanation: (value: string) => void;
  publish: () => Promise<void>;
  isPublished: boolean;
  isBusy: boolean;
  errorMessage: string | null;
};

const emptyDraft: AnswerDraft = { outcome: null, reason: '', summary: '', mergedIntoNo: '' };

/**
 * The department answers the opinions after the close: pick one or several similar ones, give them
 * one outcome (bulk), then publish once every opinion has its answer.
 */
export function useOpinionAnswers({ departmentId, id }: { departmentId: string; id: string }): OpinionAnswers {
  const resource = useRemoteData(`staff-consultation:${departmentId}:${id}`, () => fetchStaffConsultation(departmentId, id));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraftState] = useState<AnswerDraft>(emptyDraft);
  const [explanation, setExplanation] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [isPublished, setIsPublished] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const opinions = resource.state.status === 'ready' ? resource.state.data.opinions : [];

  const run = async (work: () => Promise<void>) => {
    setIsBusy(true);
    setErrorMessage(null);
    try {
      await work();
    } catch (error) {
      setErrorMessage(describeError(error));
    } finally {
      setIsBusy(false);
    }
  };

  const apply = () =>
    run(async () => {
      if (!draft.outcome) throw new ApiError('VALIDATION_FAILED', '请选择处理结果');
      if (selected.size === 0) throw new ApiError('VALIDATION_FAILED', '请先勾选要答复的意见');
      const target = draft.outcome === 'MERGED' ? opinions.find((opinion) => String(opinion.no) === draft.mergedIntoNo.trim()) : undefined;
      if (draft.outcome === 'MERGED' && !target) throw new ApiError('VALIDATION_FAILED', '请填写要合并到的意见序号');
      const updated = await answerOpinions({
        departmentId,
        id,
        opinionIds: [...selected],
        answer: { outcome: draft.outcome, reason: draft.reason.trim() || null, summary: draft.summary.trim() || null, mergedIntoOpinionId: target?.id ?? null },
      });
      resource.replace(updated);
      setSelected(new Set());
      setDraftState(emptyDraft);
    });

  const publish = () =>
    run(async () => {
      await publishFeedback({ departmentId, id, explanation });
      setIsPublished(true);
      resource.reload();
    });

  return {
    consultation: resource.state,
    selected,
    toggle: (opinionId) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(opinionId)) next.delete(opinionId);
        else next.add(opinionId);
        return next;
      }),
    selectUnanswered: () => setSelected(new Set(opinions.filter((opinion) => opinion.status === 'SUBMITTED').map((opinion) => opinion.id))),
    draft,
    setDraft: (change) => setDraftState((current) => ({ ...current, ...change })),
    apply,
    explanation,
    setExplanation,
    publish,
    isPublished,
    isBusy,
    errorMessage,
  };
}
