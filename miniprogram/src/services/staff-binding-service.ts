import { bindStaffRequestSchema, type SessionUser } from '@govpocket/shared';
import { ApiError } from './api-error';
import { bffClient } from './api-client';
import { userEnvelopeSchema } from './auth-service';

/**
 * `POST /staff/bind { code }`: redeems the one-time binding code an admin issued (24 h) for the
 * signed-in WeChat user, and returns the user with the new staff role.
 */
export async function bindStaffAccount(code: string): Promise<SessionUser> {
  // Same rule as the BFF (8 letters or digits; spaces and dashes ignored), checked before the trip.
  const parsed = bindStaffRequestSchema.safeParse({ code });
  if (!parsed.success) {
    throw new ApiError('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? '绑定码格式不正确');
  }
  const { user } = await bffClient.request({ method: 'POST', path: '/staff/bind', body: parsed.data, responseSchema: userEnvelopeSchema });
  return user;
}
