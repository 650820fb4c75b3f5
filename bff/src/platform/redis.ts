import Redis, { type RedisOptions } from 'ioredis';
import type { Config } from '../config';

/** Where Redis is: REDIS_URL alone, or the sentinels that know the current master (REDIS_SENTINELS). */
export type RedisTarget = { url: string; sentinels?: string[]; sentinelName?: string; sentinelPassword?: string };

/**
 * ioredis options for a target. With sentinels, ioredis asks them for the master and follows a
 * failover by itself; REDIS_URL still supplies the password and db number.
 */
export function redisTargetOptions(target: RedisTarget): RedisOptions {
  const url = new URL(target.url);
  const auth = {
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    db: Number(url.pathname.slice(1) || 0),
  };
  if (!target.sentinels || target.sentinels.length === 0) {
    return { host: url.hostname, port: Number(url.port || 6379), ...auth, ...(url.protocol === 'rediss:' ? { tls: {} } : {}) };
  }
  return {
    sentinels: target.sentinels.map((entry) => {
      const [host = '', port = ''] = entry.split(':');
      return { host, port: Number(port) };
    }),
    name: target.sentinelName ?? 'mymaster',
    ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
    ...auth,
    // After a failover the old master may still accept a connection as a replica: reconnect on READONLY.
    reconnectOnError: (error) => error.message.startsWith('READONLY'),
  };
}

/** A connection that never gives up on a command: BullMQ blocks on its connection. */
export function openBlockingRedis(target: RedisTarget): Redis {
  return new Redis({ ...redisTargetOptions(target), maxRetriesPerRequest: null });
}

/**
 * The BFF's Redis connection. No offline queue: while Redis is away, commands fail at once (and
 * answer 503) instead of piling up; ioredis reconnects by itself, so nothing needs a restart.
 */
export async function connectRedis(target: string | RedisTarget): Promise<Redis> {
  const redis = new Redis({
    ...redisTargetOptions(typeof target === 'string' ? { url: target } : target),
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  redis.on('error', () => {
    // Connection errors surface on the commands that fail; the event itself is expected noise.
  });
  await redis.connect();
  return redis;
}

/** The Redis target a config names. */
export function redisTarget(config: Pick<Config, 'REDIS_URL' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME' | 'REDIS_SENTINEL_PASSWORD'>): RedisTarget {
  return { url: config.REDIS_URL, sentinels: config.REDIS_SENTINELS, sentinelName: config.REDIS_SENTINEL_NAME, sentinelPassword: config.REDIS_SENTINEL_PASSWORD };
}
