import Taro from '@tarojs/taro';
import { sessionUserSchema, type SessionUser } from '@govpocket/shared';

/** What the mini-program keeps after login: the BFF's opaque token and the user it belongs to. */
export type Session = {
  token: string;
  user: SessionUser;
  /** Epoch milliseconds after which the BFF no longer accepts the token. */
  expiresAt: number;
};

type Listener = () => void;

const storageKey = 'govpocket.session';
const listeners = new Set<Listener>();
let current: Session | null = readStoredSession();

function readStoredSession(): Session | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(storageKey);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || !('token' in raw) || !('expiresAt' in raw) || !('user' in raw)) return null;
  const { token, expiresAt, user } = raw;
  const parsedUser = sessionUserSchema.safeParse(user);
  if (typeof token !== 'string' || typeof expiresAt !== 'number' || !parsedUser.success) return null;
  return { token, expiresAt, user: parsedUser.data };
}

function isExpired(session: Session): boolean {
  return session.expiresAt <= Date.now();
}

function notify(): void {
  listeners.forEach((listener) => listener());
}

/** A tiny external store shared by every page; React reads it through `useSyncExternalStore`. */
export const sessionStore = {
  /** Pure read (React calls it while rendering): an expired session reads as none. */
  get(): Session | null {
    return current && !isExpired(current) ? current : null;
  },

  getToken(): string | null {
    return sessionStore.get()?.token ?? null;
  },

  set(session: Session): void {
    current = session;
    Taro.setStorageSync(storageKey, session);
    notify();
  },

  /** Replaces the user of the current session (after GET /me or a staff binding). */
  updateUser(user: SessionUser): void {
    if (current) sessionStore.set({ ...current, user });
  },

  clear(): void {
    if (current === null) return;
    current = null;
    Taro.removeStorageSync(storageKey);
    notify();
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
