import { wechatLoginRequestSchema, wechatLoginResponseSchema, type SessionUser } from '@govpocket/shared';
import type { Session } from '@/session/session-store';
import { bffClient, ignoreResponseBody } from './api-client';

/** `{ user }`, the envelope of GET /me and POST /staff/bind. */
export const userEnvelopeSchema = wechatLoginResponseSchema.pick({ user: true });

/** `POST /auth/wechat`: exchanges a WeChat login code for the BFF's own session token. */
export async function signInWithWechatCode(code: string): Promise<Session> {
  const body = wechatLoginRequestSchema.parse({ code });
  const { token, expiresInSeconds, user } = await bffClient.request({
    method: 'POST',
    path: '/auth/wechat',
    body,
    responseSchema: wechatLoginResponseSchema,
  });
  return { token, user, expiresAt: Date.now() + expiresInSeconds * 1000 };
}

/** `GET /me`: the signed-in user as the BFF sees it now (roles change when staff bind or are disabled). */
export async function fetchCurrentUser(): Promise<SessionUser> {
  const { user } = await bffClient.request({ path: '/me', responseSchema: userEnvelopeSchema });
  return user;
}

/** `POST /auth/logout`: revokes the token on the server. */
export async function revokeSession(): Promise<void> {
  await bffClient.request({ method: 'POST', path: '/auth/logout', responseSchema: ignoreResponseBody });
}
