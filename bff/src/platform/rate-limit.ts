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
  // Binding-code guessing counts failures only (a correct code is no abuse): per user, per client
  // address (roomy: an office of staff binds from one NAT address) and per code tried.
  bindingCode: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60, message: '绑定码尝试次数过多，请15分钟后再试' },
  bindingCodeAddress: { points: 30, durationSeconds: 15 * 60, blockSeconds: 15 * 60, message: '绑定码尝试次数过多，请15分钟后再试' },
  letterSubmission: { points: 5, durationSeconds: 60 * 60, message: '提交信件过于频繁，请稍后再试' },
  // Anonymous look-up by tracking code + phone digits counts failures, per client address and per
  // tracking code: guessing the 4 digits of one letter stays slow from any number of addresses.
  letterLookup: { points: 20, durationSeconds: 10 * 60, blockSeconds: 10 * 60, message: '查询过于频繁，请10分钟后再试' },
  letterLookupCode: { points: 5, durationSeconds: 60 * 60, blockSeconds: 60 * 60, message: '该查询码尝试次数过多，请1小时后再试' },
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
  /**
   * Runs `work` counting only its failures against every `[name, key]`: each limit pays a point up
   * front (so parallel guesses cannot outrun it) and gets it back when `work` succeeds or fails for
   * a reason that is not the caller's (a 5xx). A limit already spent refuses with 429 before `work`.
   */
  limitFailures: <T>(limits: ReadonlyArray<FailureLimit>, work: () => Promise<T>) => Promise<T>;
};

/** A limit of limitFailures: policy, key, and the allowance when a setting replaces the policy's. */
export type FailureLimit = readonly [name: RateLimitName, key: string, points?: number];

/** A failure that counts against the caller: their own 4xx (not a 429 from a limit, nor a 5xx). */
function isCallerFailure(error: unknown): boolean {
  return error instanceof AppError && error.status >= 400 && error.status < 500 && error.code !== 'RATE_LIMITED';
}

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
  const consume = async (name: RateLimitName, key: string, options: { points?: number; cost?: number } = {}): Promise<void> => {
    try {
      await limiterFor(name, options.points).consume(key, options.cost ?? 1);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new AppError('RATE_LIMITED', { message: policies[name].message, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) });
      }
      throw error;
    }
  };
  const refund = async (paid: ReadonlyArray<FailureLimit>): Promise<void> => {
    await Promise.all(paid.map(([name, key, points]) => limiterFor(name, points).reward(key, 1)));
  };
  return {
    consume,
    reset: async (name, key) => {
      await limiterFor(name).delete(key);
    },
    limitFailures: async <T,>(limits: ReadonlyArray<FailureLimit>, work: () => Promise<T>): Promise<T> => {
      const paid: FailureLimit[] = [];
      try {
        for (const limit of limits) {
          const [name, key, points] = limit;
          await consume(name, key, { points });
          paid.push(limit);
        }
      } catch (error) {
        // Refused by one limit: the others were not this caller's failure either.
        await refund(paid);
        throw error;
      }
      let result: T;
      try {
        result = await work();
      } catch (error) {
        if (!isCallerFailure(error)) await refund(paid);
        throw error;
      }
      await refund(paid);
      return result;
    },
  };
}
