import { useState } from 'react';
import type { StaffLetterListResponse } from '@govpocket/shared';
import { fetchDepartmentLetters, fetchOfficeLetters, fetchOfficeOverdue, type OfficeView } from '@/services/mailbox-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type LetterDesk = 'office' | 'department';
export type OfficeTab = OfficeView | 'overdue';

/** The office's inbox (by tab) or the department's desk (most urgent first) for the chosen department. */
export function useStaffLetters(desk: LetterDesk, departmentId: string | null): {
  tab: OfficeTab;
  setTab: (tab: OfficeTab) => void;
  letters: RemoteData<StaffLetterListResponse>;
  reload: () => void;
} {
  const [tab, setTab] = useState<OfficeTab>('inbox');
  const key = departmentId ? `${desk}:${departmentId}:${desk === 'office' ? tab : 'desk'}` : null;
  const resource = useRemoteData(key, () => {
    const id = departmentId ?? '';
    if (desk === 'department') return fetchDepartmentLetters(id);
    return tab === 'overdue' ? fetchOfficeOverdue(id) : fetchOfficeLetters(id, tab);
  });
  return { tab, setTab, letters: resource.state, reload: resource.reload };
}
