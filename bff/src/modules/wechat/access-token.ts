import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { z } from 'zod';
import { WechatApiError, type WechatHttp } from './wechat-http';

/**
 * One access_token for the whole fleet, cached in Redis. Refreshing happens under a Redis lock
 * with a re-check after acquiring it, and on 40001/42001 only the caller holding the token that
 * failed forces a refresh: a process that already sees a newer token simply uses it, so a burst of
 * failures costs one refresh, not one per process.
 */
export const tokenErrorCodes = new Set([40001, 42001]);

const cachedTokenSchema = z.object({ token: z.string().min(1), expiresAt: z.number() });
type CachedToken = z.infer<typeof cachedTokenSchema>;
const stableTokenAnswer = z.object({ access_token: z.string().min(1).max(512), expires_in: z.number().int().positive() });

export type AccessTokenManager = {
  get: () => Promise<string>;
  /** Call with the token that just failed; returns a token that is not it. */
  refreshAfterFailure: (failedToken: string) => Promise<string>;
  /** Runs `call` with the token, and once more with a fresh one if WeChat says the token is stale. */
  withToken: <T>(call: (token: string) => Promise<T>) => Promise<T>;
};

export function createAccessTokenManager(options: { http: WechatHttp; redis: Redis; appid: string; secret: string; keyPrefix: string; now?: () => number }): AccessTokenManager {
  const now = options.now ?? Date.now;
  const cacheKey = `${options.keyPrefix}wechat:access-token:${options.appid}`;
  const lockKey = `${cacheKey}:lock`;
  const safetyMarginMs = 5 * 60 * 1000;

  const readCache = async (): Promise<CachedToken | null> => {
    const raw = await options.redis.get(cacheKey);
    if (!raw) return null;
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch {
      return null; // a damaged cache entry is no token: fetch a fresh one
    }
    const cached = cachedTokenSchema.safeParse(stored);
    return cached.success && cached.data.expiresAt - safetyMarginMs > now() ? cached.data : null;
  };

  const fetchToken = async (forceRefresh: boolean): Promise<CachedToken> => {
    const answer = await options.http.post('/cgi-bin/stable_token', {}, {
      grant_type: 'client_credential', appid: options.appid, secret: options.secret, force_refresh: forceRefresh,
    }, stableTokenAnswer);
    const cached = { token: answer.access_token, expiresAt: now() + answer.expires_in * 1000 };
    await options.redis.set(cacheKey, JSON.stringify(cached), 'PX', Math.max(1000, answer.expires_in * 1000));
    return cached;
  };

  const releaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

  const refresh = async (failedToken: string | null): Promise<string> => {
    const lockToken = randomUUID();
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const acquired = await options.redis.set(lockKey, lockToken, 'PX', 10000, 'NX');
      if (acquired) {
        try {
          // Re-check: another process may have refreshed while we waited for the lock.
          const cached = await readCache();
          if (cached && cached.token !== failedToken) return cached.token;
          return (await fetchToken(failedToken !== null)).token;
        } finally {
          await options.redis.eval(releaseScript, 1, lockKey, lockToken);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      const cached = await readCache();
      if (cached && cached.token !== failedToken) return cached.token;
    }
    throw new Error('timed out waiting for the WeChat access_token lock');
  };

  const get = async (): Promise<string> => (await readCache())?.token ?? refresh(null);

  return {
    get,
    refreshAfterFailure: (failedToken) => refresh(failedToken),
    withToken: async (call) => {
      const token = await get();
      try {
        return await call(token);
      } catch (error) {
        if (!(error instanceof WechatApiError) || !tokenErrorCodes.has(error.errcode)) throw error;
        return call(await refresh(token));
      }
    },
  };
}
