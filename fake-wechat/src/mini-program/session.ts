import type { FakeContext } from '../fake-context';
import { newLoginCode, newSessionKey } from '../identifiers';
import type { WxUser } from '../state';
import { checkAppCredentials } from './access-token';
import { wxErrors } from './wx-error';

/** wx.login codes live about five minutes and work once. */
export const codeLifetimeMs = 5 * 60 * 1000;

export type Code2SessionResult = { session_key: string; openid: string; unionid?: string };

export function ensureUser(fake: FakeContext, openid: string): WxUser {
  const existing = fake.state.users.get(openid);
  if (existing) return existing;
  const user: WxUser = { openid, isHighRisk: false };
  fake.state.users.set(openid, user);
  return user;
}

/** What `wx.login()` would hand the mini-program for this user. */
export function mintLoginCode(fake: FakeContext, openid: string): string {
  ensureUser(fake, openid);
  const code = newLoginCode();
  fake.state.loginCodes.set(code, { code, openid, issuedAt: fake.clock.now() });
  return code;
}

/** GET /sns/jscode2session */
export function code2Session(fake: FakeContext, input: { appid?: string; secret?: string; jsCode?: string; grantType?: string }): Code2SessionResult {
  checkAppCredentials(fake, { ...input, expectedGrantType: 'authorization_code' });
  if (!input.jsCode) throw wxErrors.missingCode();
  const entry = fake.state.loginCodes.get(input.jsCode);
  const now = fake.clock.now();
  if (!entry || now - entry.issuedAt > codeLifetimeMs) throw wxErrors.invalidCode();
  if (entry.usedAt !== undefined) throw wxErrors.codeBeenUsed();
  entry.usedAt = now;
  const user = ensureUser(fake, entry.openid);
  if (user.isHighRisk) throw wxErrors.highRiskUser();
  // A new login rotates the session key, as it does on WeChat.
  user.sessionKey = newSessionKey();
  return { session_key: user.sessionKey, openid: user.openid, ...(user.unionid ? { unionid: user.unionid } : {}) };
}
