import type { GuideSummary } from '@govpocket/shared';
import { fetchFavouriteGuides, fetchRecentGuides } from '@/services/guide-service';
import { useRemoteData, type RemoteResource } from './use-remote-data';
import { useReloadOnReturn } from './use-reload-on-return';
import { useSession } from './use-session';

export type MyGuideList = 'favourites' | 'recent';

const loaders: Record<MyGuideList, () => Promise<GuideSummary[]>> = { favourites: fetchFavouriteGuides, recent: fetchRecentGuides };

/** 我的收藏 / 最近浏览 of the signed-in resident (idle while signed out), fresh each time the page shows. */
export function useMyGuides(list: MyGuideList): RemoteResource<GuideSummary[]> {
  const { session } = useSession();
  const resource = useRemoteData(session ? `${list}:${session.token}` : null, loaders[list]);
  useReloadOnReturn(resource.reload);
  return resource;
}
