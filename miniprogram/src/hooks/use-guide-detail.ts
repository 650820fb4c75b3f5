import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { GuideDetail } from '@govpocket/shared';
import { showNotice } from '@/notice/notice';
import { describeError } from '@/services/error-message';
import { fetchFavouriteGuides, fetchGuideDetail, setGuideFavourite } from '@/services/guide-service';
import { useLoginPrompt } from './use-login-prompt';
import { useRemoteData, type RemoteData } from './use-remote-data';
import { useSession } from './use-session';

export type GuideDetailView = {
  detail: RemoteData<GuideDetail>;
  reload: () => void;
  /** Whether the signed-in resident keeps this guide in 我的收藏 (false when signed out). */
  isFavourite: boolean;
  isSavingFavourite: boolean;
  toggleFavourite: () => Promise<void>;
};

/** One guide and the resident's favourite mark on it. */
export function useGuideDetail(code: string): GuideDetailView {
  const { session } = useSession();
  const promptLogin = useLoginPrompt();
  // The BFF records a signed-in visit (最近浏览), so a login loads the guide once more.
  const { state: detail, reload } = useRemoteData(code ? `guide:${code}:${session?.token ?? ''}` : null, () => fetchGuideDetail(code));
  const favourites = useRemoteData(code && session ? `favourites:${session.token}` : null, fetchFavouriteGuides);
  const title = detail.status === 'ready' ? detail.data.name : null;
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title });
  }, [title]);

  const [override, setOverride] = useState<{ key: string; isFavourite: boolean } | null>(null);
  const [isSavingFavourite, setIsSavingFavourite] = useState(false);

  const overrideKey = `${code}:${session?.token ?? ''}`;
  const loaded = favourites.state.status === 'ready' && favourites.state.data.some((guide) => guide.code === code);
  const isFavourite = session !== null && (override?.key === overrideKey ? override.isFavourite : loaded);

  const toggleFavourite = async () => {
    if (isSavingFavourite) return;
    if (!session) {
      await promptLogin('登录后可收藏常用事项，在“我的-我的收藏”中随时查看。');
      return;
    }
    const next = !isFavourite;
    setIsSavingFavourite(true);
    setOverride({ key: overrideKey, isFavourite: next });
    try {
      await setGuideFavourite({ code, isFavourite: next });
      showNotice(next ? '已收藏' : '已取消收藏', 'success');
    } catch (error) {
      setOverride({ key: overrideKey, isFavourite: !next });
      showNotice(describeError(error), 'error');
    } finally {
      setIsSavingFavourite(false);
    }
  };

  return { detail, reload, isFavourite, isSavingFavourite, toggleFavourite };
}
