import type Redis from 'ioredis';
import type { Config } from '../../config';
import { createAccessTokenManager, type AccessTokenManager } from './access-token';
import { createMiniProgramApi, type MiniProgramApi } from './mini-program-api';
import { createWechatHttp } from './wechat-http';

export type Wechat = { miniProgram: MiniProgramApi; tokens: AccessTokenManager };

/** The WeChat clients, all behind the configurable base URL (the fake WeChat in tests and the demo). */
export function createWechat(config: Config, redis: Redis): Wechat {
  const http = createWechatHttp({ baseUrl: config.WECHAT_API_BASE });
  const tokens = createAccessTokenManager({ http, redis, appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET, keyPrefix: config.REDIS_KEY_PREFIX });
  return { tokens, miniProgram: createMiniProgramApi({ http, tokens, appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET }) };
}
