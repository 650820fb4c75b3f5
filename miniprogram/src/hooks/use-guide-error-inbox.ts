import { useState } from 'react';
import type { GuideErrorReportView } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { answerErrorReport, listDepartmentErrorReports } from '@/services/guide-admin-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type ErrorReportTab = 'PENDING' | 'ANSWERED';

export type GuideErrorInbox = {
  tab: ErrorReportTab;
  setTab: (tab: ErrorReportTab) => void;
  reports: RemoteData<GuideErrorReportView[]>;
  busyId: string | null;
  /** The BFF's message for a refused answer, per report. */
  errors: Record<string, string>;
  /** Resolves true when the answer was saved (the report then moves to 已答复). */
  answer: (reportId: string, text: string) => Promise<boolean>;
};

/** 指南纠错处理: a department's reports on its guides, answered one by one. */
export function useGuideErrorInbox(departmentId: string | null): GuideErrorInbox {
  const [tab, setTab] = useState<ErrorReportTab>('PENDING');
  const reports = useRemoteData(departmentId ? `guide-errors:${departmentId}:${tab}` : null, async () => {
    const { items } = await listDepartmentErrorReports(departmentId ?? '', tab);
    return items;
  });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const answer = async (reportId: string, text: string): Promise<boolean> => {
    const trimmed = text.trim();
    if (trimmed.length < 2 || trimmed.length > 1000) {
      setErrors((current) => ({ ...current, [reportId]: '答复须为2至1000个字' }));
      return false;
    }
    setBusyId(reportId);
    setErrors((current) => ({ ...current, [reportId]: '' }));
    try {
      await answerErrorReport(departmentId ?? '', reportId, trimmed);
      reports.reload();
      return true;
    } catch (error) {
      setErrors((current) => ({ ...current, [reportId]: describeError(error) }));
      return false;
    } finally {
      setBusyId(null);
    }
  };

  return { tab, setTab, reports: reports.state, busyId, errors, answer };
}
