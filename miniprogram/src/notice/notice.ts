import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { profileStore } from '@/session/profile-store';

/**
 * Short feedback ("已复制", "已保存"). Normally a toast; in 长辈版 nothing disappears by itself:
 * the message stays inline at the top of the page (PageShell) until the resident closes it.
 */
export type NoticeTone = 'info' | 'success' | 'error';
export type Notice = { id: number; message: string; tone: NoticeTone };

type Listener = () => void;

const listeners = new Set<Listener>();
let current: Notice | null = null;
let nextId = 1;

function publish(next: Notice | null): void {
  current = next;
  listeners.forEach((listener) => listener());
}

export function showNotice(message: string, tone: NoticeTone = 'info'): void {
  if (profileStore.get().isElderMode) {
    publish({ id: nextId++, message, tone });
    return;
  }
  void Taro.showToast({ title: message, icon: tone === 'success' ? 'success' : 'none', duration: 2000 }).catch(() => undefined);
}

export const noticeStore = {
  get: (): Notice | null => current,
  clear: (): void => {
    if (current !== null) publish(null);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

export function useNotice(): Notice | null {
  return useSyncExternalStore(noticeStore.subscribe, noticeStore.get, noticeStore.get);
}
