import { useCallback, useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { showTabBadge } from '@/platform/tab-bar';
import { countUnreadNotifications } from '@/services/notification-service';
import { useSession } from './use-session';

/** Position of 我的 in the tab bar (app.config.ts), which carries the unread badge. */
const mineTabIndex = 3;

/** Unread messages of the signed-in resident, re-read whenever the page shows (0 when signed out). */
export function useUnreadCount(): number {
  const { isSignedIn } = useSession();
  const [count, setCount] = useState(0);

  const refresh = useCallback(() => {
    if (!isSignedIn) {
      setCount(0);
      showTabBadge(mineTabIndex, 0);
      return;
    }
    countUnreadNotifications().then(
      (unread) => {
        setCount(unread);
        showTabBadge(mineTabIndex, unread);
      },
      () => undefined, // keep the last count: the badge is a hint, the message centre is the truth
    );
  }, [isSignedIn]);

  // On every show (messages read elsewhere), and when signing in or out on this page.
  useDidShow(refresh);
  useEffect(refresh, [refresh]);
  return isSignedIn ? count : 0;
}
