import { useCallback, useState, useSyncExternalStore } from 'react';
import type { SessionUser } from '@govpocket/shared';
import { fetchCurrentUser, revokeSession, signInWithWechatCode } from '@/services/auth-service';
import { requestDemoLoginCode } from '@/services/demo-wechat-service';
import { forgetDemoPersona, rememberDemoPersona } from '@/platform/demo-identity';
import { describeError } from '@/services/error-message';
import { getWechatLoginCode } from '@/platform/wechat-login';
import { sessionStore, type Session } from '@/session/session-store';

export type SessionState = {
  session: Session | null;
  user: SessionUser | null;
  isSignedIn: boolean;
  isSigningIn: boolean;
  /** Chinese message of the last failed sign-in, cleared by the next attempt. */
  errorMessage: string | null;
  /** weapp: `wx.login` → `POST /auth/wechat`. */
  signInWithWechat: () => Promise<boolean>;
  /** H5 demo: fake WeChat code for the persona → `POST /auth/wechat`. */
  signInAsPersona: (personaKey: string) => Promise<boolean>;
  /** Revokes the token on the BFF (best effort) and forgets the session on this device. */
  signOut: () => Promise<void>;
  /** Re-reads the user (roles may have changed); failures keep the stored user. */
  refreshUser: () => Promise<void>;
};

export function useSession(): SessionState {
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
  const [isSigningIn, setIsSigningIn] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);

  const run = useCallback(async (getCode: () => Promise<string>): Promise<boolean> => {
    setIsSigningIn(true);
    setErrorMessage(null);
    try {
      const code = await getCode();
      sessionStore.set(await signInWithWechatCode(code));
      return true;
    } catch (error) {
      setErrorMessage(describeError(error));
      return false;
    } finally {
      setIsSigningIn(false);
    }
  }, []);

  const signInWithWechat = useCallback(() => run(getWechatLoginCode), [run]);
  const signInAsPersona = useCallback(async (personaKey: string) => {
    const isSignedIn = await run(() => requestDemoLoginCode(personaKey));
    if (isSignedIn) rememberDemoPersona(personaKey);
    return isSignedIn;
  }, [run]);
  const signOut = useCallback(async () => {
    try {
      await revokeSession();
    } catch {
      // Offline or already expired: the token lapses on the server by itself.
    }
    sessionStore.clear();
    if (process.env.TARO_ENV === 'h5') forgetDemoPersona();
    setErrorMessage(null);
  }, []);

  const refreshUser = useCallback(async () => {
    if (!sessionStore.get()) return;
    try {
      sessionStore.updateUser(await fetchCurrentUser());
    } catch {
      // A 401 has already cleared the session in the API client; anything else keeps what we have.
    }
  }, []);

  return {
    session,
    user: session?.user ?? null,
    isSignedIn: session !== null,
    isSigningIn,
    errorMessage,
    signInWithWechat,
    signInAsPersona,
    signOut,
    refreshUser,
  };
}
