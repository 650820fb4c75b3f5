import Redis from 'ioredis';

/**
 * The BFF's Redis connection. No offline queue: while Redis is away, commands fail at once (and
 * answer 503) instead of piling up; ioredis reconnects by itself, so nothing needs a restart.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
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
