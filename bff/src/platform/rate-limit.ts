import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from './errors/app-error';

/**
 * Fixed-window limits kept in Redis, shared by every BFF process. A limited caller gets 429 with
 * Retry-After; if Redis is down the limiter fails closed (503) rather than letting a flood through.
 */
export type RateLimitPolicy = { points: number; durationSeconds: number; blockSeconds?: number; message: string };

export const rateLimitPolicies = {
  login: { points: 20, durationSeconds: 60, message: '登录过于频繁，请1分钟后再试' },
  bindingCode: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60, message: '绑定码尝试次数过多，请15分钟后再试' },
  letterSubmission: { points: 5, durationSeconds: 60 * 60, message: '提交信件过于频繁，请稍后再试' },
  // Anonymous look-up by tracking code + phone digits, per client address: guessing stays slow.
  letterLookup: { points: 20, durationSeconds: 10 * 60, blockSeconds: 10 * 60, message: '查询过于频繁，请10分钟后再试' },
  opinionSubmission: { points: 10, durationSeconds: 60 * 60, message: '提交意见过于频繁，请稍后再试' },
  guideErrorReport: { points: 10, durationSeconds: 60 * 60, message: '纠错提交过于频繁，请稍后再试' },
  booking: { points: 10, durationSeconds: 60, message: '预约操作过于频繁，请稍后再试' },
  // Per user: a letter takes up to 9 images and a booking a handful of material photos.
  documentUpload: { points: 30, durationSeconds: 60 * 60, message: '上传文件过于频繁，请稍后再试' },
  imageUpload: { points: 60, durationSeconds: 60 * 60, message: '上传图片过于频繁，请稍后再试' },
  // Routes that spend WeChat quota, per user: images sent to mediaCheckAsync (one point each),
  // texts sent to msgSecCheck outside the submissions limited above, and getPhoneNumber.
  mediaCheck: { points: 60, durationSeconds: 60 * 60, message: '提交图片过于频繁，请稍后再试' },
  textCheck: { points: 30, durationSeconds: 60 * 60, message: '提交过于频繁，请稍后再试' },
  phoneNumber: { points: 10, durationSeconds: 60 * 60, message: '手机号授权过于频繁，请1小时后再试' },
} satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof rateLimitPolicies;

export type RateLimiter = {
  /**
   * Counts `cost` attempts (default one) for `key`; throws RATE_LIMITED when the policy is
   * exhausted. `points` replaces the policy's allowance when it comes from a setting (the counter
   * is the same).
   */
  consume: (name: RateLimitName, key: string, options?: { points?: number; cost?: number }) => Promise<void>;
  reset: (name: RateLimitName, key: string) => Promise<void>;
};

export function createRateLimiter({ redis, keyPrefix, policies = rateLimitPolicies }: { redis: Redis; keyPrefix: string; policies?: Record<RateLimitName, RateLimitPolicy> }): RateLimiter {
  const limiters = new Map<string, RateLimiterRedis>();
  const limiterFor = (name: RateLimitName, points = policies[name].points): RateLimiterRedis => {
    let limiter = limiters.get(`${name}:${points}`);
    if (!limiter) {
      const policy = policies[name];
      limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}rl:${name}`,
        points,
        duration: policy.durationSeconds,
        blockDuration: policy.blockSeconds ?? 0,
      });
      limiters.set(`${name}:${points}`, limiter);
    }
    return limiter;
  };
  return {
    consume: async (name, key, options = {}) => {
      try {
        await limiterFor(name, options.points).consume(key, options.cost ?? 1);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          throw new AppError('RATE_LIMITED', { message: policies[name].message, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) });
        }
        throw error;
      }
    },
    reset: async (name, key) => {
      await limiterFor(name).delete(key);
    },
  };
}
