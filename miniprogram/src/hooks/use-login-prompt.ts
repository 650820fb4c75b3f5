import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { openPage, routes } from '@/navigation/routes';
import { isBrowserDemo } from '@/services/env';
import { useSession } from './use-session';

/**
 * Asks a signed-out resident to log in before an action that needs an account. WeChat logs in on
 * the spot; the browser demo opens the persona picker, which returns to this page afterwards.
 * Resolves true when the resident is signed in now.
 */
export function useLoginPrompt(): (reason: string) => Promise<boolean> {
  const { signInWithWechat } = useSession();
  return useCallback(
    async (reason: string) => {
      const { confirm } = await Taro.showModal({ title: '请先登录', content: reason, confirmText: '去登录', cancelText: '暂不' });
      if (!confirm) return false;
      if (isBrowserDemo) {
        openPage(routes.login);
        return false;
      }
      return signInWithWechat();
    },
    [signInWithWechat],
  );
}
