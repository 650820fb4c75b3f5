import { useState } from 'react';
import type { ServiceItemStatus } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { fetchGuideCatalog } from '@/services/guide-service';
import { listAdminGuides, listGuideVersions, setGuidePublished, type AdminGuideRow, type GuideVersionList } from '@/services/guide-admin-service';
import { usePagedList, type PagedList } from './use-paged-list';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type AdminGuideFilters = { status: ServiceItemStatus | null; departmentId: string | null };

export type AdminGuideBoard = {
  filters: AdminGuideFilters;
  setFilters: (filters: AdminGuideFilters) => void;
  departments: RemoteData<{ id: string; name: string }[]>;
  list: PagedList<AdminGuideRow>;
  busyCode: string | null;
  errors: Record<string, string>;
  togglePublished: (row: AdminGuideRow) => Promise<void>;
  /** The guide whose version history is open, and that history. */
  historyCode: string | null;
  history: RemoteData<GuideVersionList>;
  toggleHistory: (code: string) => void;
};

const pageSize = 20;

/** 办事指南管理: every guide the user may edit (all for admins, their department's for handlers). */
export function useAdminGuides(): AdminGuideBoard {
  const [filters, setFilters] = useState<AdminGuideFilters>({ status: null, departmentId: null });
  const departments = useRemoteData('guide-catalog', async () => (await fetchGuideCatalog()).departments.map(({ id, name }) => ({ id, name })));
  const list = usePagedList(`admin-guides:${filters.status ?? ''}:${filters.departmentId ?? ''}`, (page) =>
    listAdminGuides({ status: filters.status ?? undefined, departmentId: filters.departmentId ?? undefined, page, pageSize }),
  );
  const [busyCode, setBusyCode] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [historyCode, setHistoryCode] = useState<string | null>(null);
  const history = useRemoteData(historyCode ? `guide-versions:${historyCode}` : null, () => listGuideVersions(historyCode ?? ''));

  const togglePublished = async (row: AdminGuideRow): Promise<void> => {
    setBusyCode(row.code);
    setErrors((current) => ({ ...current, [row.code]: '' }));
    try {
      await setGuidePublished(row.code, row.status !== 'PUBLISHED');
      list.reload();
    } catch (error) {
      setErrors((current) => ({ ...current, [row.code]: describeError(error) }));
    } finally {
      setBusyCode(null);
    }
  };

  return {
    filters,
    setFilters,
    departments: departments.state,
    list,
    busyCode,
    errors,
    togglePublished,
    historyCode,
    history: history.state,
    toggleHistory: (code) => setHistoryCode((current) => (current === code ? null : code)),
  };
}
