import type Redis from 'ioredis';
import type { PrismaClient } from '@govpocket/db';
import type { WechatLoginResponse } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import type { RateLimiter } from '../../platform/rate-limit';
import type { MiniProgramApi } from '../wechat/mini-program-api';
import { WechatApiError, WechatUnavailableError } from '../wechat/wechat-http';
import { findSessionIdentity, upsertUserByOpenid } from './repository';
import type { SessionStore } from './session-store';

export type AuthDeps = { prisma: PrismaClient; redis: Redis; keyPrefix: string; wechat: MiniProgramApi; sessions: SessionStore; rateLimiter: RateLimiter };

/** WeChat's answers to a bad login code, as a resident should read them. */
export function wechatLoginError(error: unknown): AppError {
  if (error instanceof WechatUnavailableError) {
    return new AppError('SERVICE_UNAVAILABLE', { message: '微信服务暂时不可用，请稍后重试', retryAfterSeconds: 5, cause: error });
  }
  if (error instanceof WechatApiError) {
    switch (error.errcode) {
      case 40029:
        return new AppError('WECHAT_CODE_INVALID');
      case 40163:
        return new AppError('WECHAT_CODE_USED');
      case 40226:
        return new AppError('WECHAT_USER_RISKY');
      case 45011:
        return new AppError('RATE_LIMITED', { message: '登录过于频繁，请稍后再试', retryAfterSeconds: 60 });
      default:
        return new AppError('SERVICE_UNAVAILABLE', { message: '微信登录暂时不可用，请稍后重试', retryAfterSeconds: 30, cause: error });
    }
  }
  return new AppError('INTERNAL', { cause: error });
}

/**
 * wx.login code → code2Session → user by openid → our own opaque session. WeChat's session_key is
 * not kept (the WeChat client drops it): nothing of ours decrypts client-side WeChat data with it
 * (phone numbers come from getPhoneNumber's code), so it is neither stored nor logged.
 */
export async function loginWithWechatCode(deps: AuthDeps, { code, clientIp }: { code: string; clientIp: string }): Promise<WechatLoginResponse> {
  await deps.rateLimiter.consume('login', clientIp);
  const wechatSession = await deps.wechat.code2Session(code).catch((error: unknown) => {
    throw wechatLoginError(error);
  });
  const user = await upsertUserByOpenid(deps.prisma, { openid: wechatSession.openid, unionid: wechatSession.unionid });
  const identity = await findSessionIdentity(deps.prisma, user.id);
  if (!identity) throw new AppError('FORBIDDEN', { message: '该账号已注销' });
  if (identity.staffDisabled) throw new AppError('FORBIDDEN', { message: '您的员工账号已停用，请联系管理员' });
  const session = await deps.sessions.create(user.id);
  return { token: session.token, expiresInSeconds: session.expiresInSeconds, user: identity.user };
}
