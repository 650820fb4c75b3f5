import { useEffect, useSyncExternalStore } from 'react';
import type { Profile } from '@govpocket/shared';
import { fetchProfile } from '@/services/profile-service';
import { profileStore, type ProfileSnapshot } from '@/session/profile-store';
import { sessionStore } from '@/session/session-store';

let inFlight: Promise<Profile | null> | null = null;

/** Reads the profile from the BFF into the store; concurrent callers share one request. */
export function refreshProfile(): Promise<Profile | null> {
  if (!sessionStore.get()) return Promise.resolve(null);
  inFlight ??= fetchProfile()
    .then((profile) => {
      profileStore.set(profile);
      return profile;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** The profile in the store, loading it on demand (null while signed out or on failure). */
export async function currentProfile(): Promise<Profile | null> {
  return profileStore.get().profile ?? (await refreshProfile().catch(() => null));
}

/**
 * App-wide: loads the profile at start-up and after each sign-in, so 长辈版 and the privacy state
 * apply on every page without each page asking.
 */
export function useProfileSync(): void {
  useEffect(() => {
    let token = sessionStore.getToken();
    if (token) void refreshProfile().catch(() => undefined);
    return sessionStore.subscribe(() => {
      const next = sessionStore.getToken();
      if (next && next !== token) void refreshProfile().catch(() => undefined);
      token = next;
    });
  }, []);
}

export function useProfile(): ProfileSnapshot {
  return useSyncExternalStore(profileStore.subscribe, profileStore.get, profileStore.get);
}
