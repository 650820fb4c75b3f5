import { useState } from 'react';
import type { GuideCatalog, GuideSummary } from '@govpocket/shared';
import { fetchGuideCatalog, fetchGuidePage, type GuideAudienceFilter, type GuideFilter } from '@/services/guide-service';
import { usePagedList, type PagedList } from './use-paged-list';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type BrowseMode = 'department' | 'audience' | 'theme';

export const browseModes: readonly { value: BrowseMode; title: string }[] = [
  { value: 'department', title: '按部门' },
  { value: 'audience', title: '按对象' },
  { value: 'theme', title: '按主题' },
];

/** One choice under a browse mode, with the number of guides it holds. */
export type BrowseOption = { value: string; label: string; itemCount: number };

export type GuideBrowser = {
  mode: BrowseMode;
  setMode: (mode: BrowseMode) => void;
  catalog: RemoteData<GuideCatalog>;
  reloadCatalog: () => void;
  /** The choices of the current mode (departments, 个人/法人, themes) and the one selected. */
  options: BrowseOption[];
  selected: string | null;
  select: (value: string) => void;
  guides: PagedList<GuideSummary>;
};

const pageSize = 15;

/** State of the 办事 tab: browse mode, the choice within it, and the paged guides it selects. */
export function useGuideBrowser(): GuideBrowser {
  const [mode, setMode] = useState<BrowseMode>('department');
  const [choices, setChoices] = useState<Record<BrowseMode, string | null>>({ department: null, audience: 'INDIVIDUAL', theme: null });
  const { state: catalog, reload: reloadCatalog } = useRemoteData('guide-catalog', fetchGuideCatalog);

  const options = catalog.status === 'ready' ? optionsFor(mode, catalog.data) : [];
  // Until the resident picks, the first department / theme is shown.
  const chosen = choices[mode];
  const selected = options.some((option) => option.value === chosen) ? chosen : (options[0]?.value ?? null);
  const filter = selected === null ? null : toFilter(mode, selected);

  const guides = usePagedList(filter ? JSON.stringify(filter) : null, (page) => (filter ? fetchGuidePage({ filter, page, pageSize }) : Promise.resolve({ items: [], total: 0 })));

  return {
    mode,
    setMode,
    catalog,
    reloadCatalog,
    options,
    selected,
    select: (value) => setChoices((current) => ({ ...current, [mode]: value })),
    guides,
  };
}

function optionsFor(mode: BrowseMode, catalog: GuideCatalog): BrowseOption[] {
  switch (mode) {
    case 'department':
      return catalog.departments.map((department) => ({ value: department.id, label: department.name, itemCount: department.itemCount }));
    case 'audience':
      return catalog.audiences.map((audience) => ({ value: audience.value, label: `${audience.label}办事`, itemCount: audience.itemCount }));
    case 'theme':
      return catalog.themes.map((theme) => ({ value: theme.name, label: theme.name, itemCount: theme.itemCount }));
  }
}

function toFilter(mode: BrowseMode, value: string): GuideFilter {
  switch (mode) {
    case 'department':
      return { kind: 'department', departmentId: value };
    case 'audience':
      return { kind: 'audience', audience: isAudience(value) ? value : 'INDIVIDUAL' };
    case 'theme':
      return { kind: 'theme', theme: value };
  }
}

function isAudience(value: string): value is GuideAudienceFilter {
  return value === 'INDIVIDUAL' || value === 'LEGAL_PERSON';
}
