import type { GuideSummary } from '@govpocket/shared';
import { fetchGuideCatalog, fetchGuidePage } from '@/services/guide-service';
import { usePagedList, type PagedList } from './use-paged-list';
import { useRemoteData } from './use-remote-data';

export type LifeEventGuides = {
  /** What the life event covers, from the catalogue (null until it arrives). */
  description: string | null;
  guides: PagedList<GuideSummary>;
};

const pageSize = 20;

/** 一件事: the guides one life event (新生儿出生, 开办企业 …) brings together. */
export function useLifeEventGuides(lifeEvent: string): LifeEventGuides {
  const { state: catalog } = useRemoteData(lifeEvent ? 'guide-catalog' : null, fetchGuideCatalog);
  const guides = usePagedList(lifeEvent ? `life-event:${lifeEvent}` : null, (page) => fetchGuidePage({ filter: { kind: 'lifeEvent', lifeEvent }, page, pageSize }));
  const description = catalog.status === 'ready' ? (catalog.data.lifeEvents.find((event) => event.name === lifeEvent)?.description ?? null) : null;
  return { description, guides };
}
