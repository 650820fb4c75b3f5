import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * Reloads when the resident comes back to the page (from another page or tab, or from outside the
 * app), not on its first show, which the initial load already covers.
 */
export function useReloadOnReturn(reload: () => void): void {
  const hasShown = useRef(false);
  useDidShow(() => {
    if (hasShown.current) reload();
    hasShown.current = true;
  });
}
