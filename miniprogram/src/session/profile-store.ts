import Taro from '@tarojs/taro';
import type { Profile } from '@govpocket/shared';
import { sessionStore } from './session-store';

/**
 * The signed-in resident's profile (masked phone, consents, 长辈版). 长辈版 is also kept on the
 * device, so large type is there from the first frame after a restart, before the profile loads.
 */
export type ProfileSnapshot = {
  profile: Profile | null;
  isElderMode: boolean;
};

type StoredPreferences = { userId: string; isElderMode: boolean };
type Listener = () => void;

const storageKey = 'govpocket.preferences';
const listeners = new Set<Listener>();
let profile: Profile | null = null;
let preferences: StoredPreferences | null = readStoredPreferences();
let snapshot: ProfileSnapshot = buildSnapshot();

function readStoredPreferences(): StoredPreferences | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(storageKey);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const userId: unknown = Reflect.get(raw, 'userId');
  const isElderMode: unknown = Reflect.get(raw, 'isElderMode');
  return typeof userId === 'string' && typeof isElderMode === 'boolean' ? { userId, isElderMode } : null;
}

function buildSnapshot(): ProfileSnapshot {
  const userId = sessionStore.get()?.user.id ?? null;
  return {
    profile: profile && profile.user.id === userId ? profile : null,
    isElderMode: preferences !== null && preferences.userId === userId && preferences.isElderMode,
  };
}

function publish(): void {
  snapshot = buildSnapshot();
  listeners.forEach((listener) => listener());
}

function storePreferences(next: StoredPreferences): void {
  preferences = next;
  try {
    Taro.setStorageSync(storageKey, next);
  } catch {
    // Storage full or unavailable: the preference still applies until the app closes.
  }
}

// Another user signing in, or signing out, must not inherit the previous profile.
sessionStore.subscribe(publish);

export const profileStore = {
  get(): ProfileSnapshot {
    return snapshot;
  },

  set(next: Profile): void {
    profile = next;
    storePreferences({ userId: next.user.id, isElderMode: next.isElderMode });
    publish();
  },

  /** Applies a new 长辈版 choice at once, before the BFF has confirmed it. */
  setElderMode(isElderMode: boolean): void {
    const userId = sessionStore.get()?.user.id;
    if (!userId) return;
    storePreferences({ userId, isElderMode });
    if (profile && profile.user.id === userId) profile = { ...profile, isElderMode };
    publish();
  },

  setMaskedPhone(maskedPhone: string): void {
    if (!profile) return;
    profile = { ...profile, maskedPhone, user: { ...profile.user, hasPhone: true } };
    publish();
  },

  /** After account deletion: nothing of the old account stays on the device. */
  forget(): void {
    profile = null;
    preferences = null;
    Taro.removeStorageSync(storageKey);
    publish();
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
