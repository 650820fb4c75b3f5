import { useState, type PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useProfile } from '@/hooks/use-profile';
import { usePrivacyRequest } from '@/hooks/use-privacy-consent';
import { noticeStore, useNotice } from '@/notice/notice';
import { PrivacySheet } from './privacy-sheet';
import './page-shell.scss';

type PageShellProps = PropsWithChildren<{
  /** The page's root id (`page-<name>`), which tests and the slide-in check select. */
  id: string;
  /** The page's own block class, e.g. `mine`. */
  className?: string;
  /** The guide page shows its own agree buttons under the full text instead of the sheet. */
  showsPrivacySheet?: boolean;
}>;

/**
 * Every page's root: applies 长辈版 (`.gp-elder`, see styles/elder.scss), shows 长辈版's inline
 * notices in place of toasts, and the privacy consent sheet when something waits for consent.
 * Only the page on screen shows the notice and the sheet (pages below it stay mounted).
 */
export function PageShell({ id, className, showsPrivacySheet = true, children }: PageShellProps) {
  const { isElderMode } = useProfile();
  const notice = useNotice();
  const privacyRequest = usePrivacyRequest();
  const [isOnScreen, setIsOnScreen] = useState(true);
  useDidShow(() => setIsOnScreen(true));
  useDidHide(() => {
    setIsOnScreen(false);
    noticeStore.clear();
  });

  const classes = ['gp-page', className, isElderMode ? 'gp-elder' : null].filter(Boolean).join(' ');
  return (
    <View id={id} className={classes}>
      {isOnScreen && notice ? (
        <View className={`gp-notice gp-notice--${notice.tone}`} id="page-notice">
          <Text className="gp-notice__text">{notice.message}</Text>
          <Text className="gp-notice__close" id="page-notice-close" onClick={noticeStore.clear}>
            知道了
          </Text>
        </View>
      ) : null}
      {children}
      {isOnScreen && showsPrivacySheet && privacyRequest ? <PrivacySheet request={privacyRequest} /> : null}
    </View>
  );
}
