import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { NotificationItem } from '@govpocket/shared';
import { openLink } from '@/navigation/open-link';
import { describeError } from '@/services/error-message';
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, markNotificationRead } from '@/services/notification-service';
import { usePagedList, type PagedList } from './use-paged-list';
import { useSession } from './use-session';

export type MessageCentre = Omit<PagedList<NotificationItem>, 'items'> & {
  isSignedIn: boolean;
  items: NotificationItem[];
  unreadCount: number;
  isMarkingAll: boolean;
  /** Chinese message of the last failed read / read-all. */
  actionError: string | null;
  /** Marks the message read and opens its page, when it has one. */
  open: (item: NotificationItem) => Promise<void>;
  markAllRead: () => Promise<void>;
};

/** 消息中心: the resident's messages page by page, newest first, with read state kept in step. */
export function useMessageCentre(): MessageCentre {
  const { user, isSignedIn } = useSession();
  const [generation, setGeneration] = useState(0);
  const list = usePagedList(user ? `messages:${user.id}:${generation}` : null, (page) => listNotifications({ page }));
  // Reads done here, laid over the loaded pages until the list is loaded again.
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [isAllRead, setIsAllRead] = useState(false);
  const [unreadCount, setUnreadCount] = useState(0);
  const [isMarkingAll, setIsMarkingAll] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const hasShown = useRef(false);

  const refreshCount = useCallback(() => {
    if (!isSignedIn) return;
    countUnreadNotifications().then(setUnreadCount, () => undefined);
  }, [isSignedIn]);

  useEffect(refreshCount, [refreshCount]);
  useEffect(() => {
    setReadIds(new Set());
    setIsAllRead(false);
  }, [generation]);

  // Coming back (e.g. from a message's page): new messages may have arrived meanwhile.
  useDidShow(() => {
    if (hasShown.current) {
      setGeneration((value) => value + 1);
      refreshCount();
    }
    hasShown.current = true;
  });

  const items = list.items.map((item) => (!item.isRead && (isAllRead || readIds.has(item.id)) ? { ...item, isRead: true } : item));

  const open = useCallback(
    async (item: NotificationItem) => {
      setActionError(null);
      if (!item.isRead && !isAllRead && !readIds.has(item.id)) {
        setReadIds((previous) => new Set(previous).add(item.id));
        setUnreadCount((count) => Math.max(0, count - 1));
        try {
          await markNotificationRead(item.id);
        } catch (error) {
          setReadIds((previous) => {
            const next = new Set(previous);
            next.delete(item.id);
            return next;
          });
          refreshCount();
          setActionError(describeError(error));
          return;
        }
      }
      if (item.link) openLink(item.link);
    },
    [isAllRead, readIds, refreshCount],
  );

  const markAllRead = useCallback(async () => {
    setActionError(null);
    setIsMarkingAll(true);
    try {
      await markAllNotificationsRead();
      setIsAllRead(true);
      setUnreadCount(0);
    } catch (error) {
      setActionError(describeError(error));
    } finally {
      setIsMarkingAll(false);
    }
  }, []);

  return { ...list, isSignedIn, items, unreadCount, isMarkingAll, actionError, open, markAllRead };
}
