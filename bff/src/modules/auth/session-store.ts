import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * Opaque session tokens. The client holds 32 random bytes; Redis holds only their SHA-256, so a
 * Redis dump cannot be replayed. Expiry slides on every use; a user's sessions are indexed so
 * logout-everywhere and account deletion revoke them all.
 */
export type StoredSession = { userId: string; createdAt: number };

export type SessionStore = {
  create: (userId: string) => Promise<{ token: string; expiresInSeconds: number }>;
  /** The session behind a token, extending its expiry; null when unknown, expired or revoked. */
  touch: (token: string) => Promise<StoredSession | null>;
  revoke: (token: string) => Promise<void>;
  revokeAllForUser: (userId: string) => Promise<void>;
};

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSessionStore({ redis, keyPrefix, ttlSeconds }: { redis: Redis; keyPrefix: string; ttlSeconds: number }): SessionStore {
  const sessionKey = (tokenHash: string): string => `${keyPrefix}session:${tokenHash}`;
  const userIndexKey = (userId: string): string => `${keyPrefix}user-sessions:${userId}`;

  return {
    create: async (userId) => {
      const token = randomBytes(32).toString('base64url');
      const tokenHash = hashToken(token);
      const session: StoredSession = { userId, createdAt: Date.now() };
      await redis
        .multi()
        .set(sessionKey(tokenHash), JSON.stringify(session), 'EX', ttlSeconds)
        .sadd(userIndexKey(userId), tokenHash)
        .expire(userIndexKey(userId), ttlSeconds * 2)
        .exec();
      return { token, expiresInSeconds: ttlSeconds };
    },
    touch: async (token) => {
      if (!tokenPattern.test(token)) return null;
      const key = sessionKey(hashToken(token));
      const raw = await redis.getex(key, 'EX', ttlSeconds);
      return raw ? (JSON.parse(raw) as StoredSession) : null;
    },
    revoke: async (token) => {
      if (!tokenPattern.test(token)) return;
      const tokenHash = hashToken(token);
      const raw = await redis.get(sessionKey(tokenHash));
      const multi = redis.multi().del(sessionKey(tokenHash));
      if (raw) multi.srem(userIndexKey((JSON.parse(raw) as StoredSession).userId), tokenHash);
      await multi.exec();
    },
    revokeAllForUser: async (userId) => {
      const hashes = await redis.smembers(userIndexKey(userId));
      const multi = redis.multi();
      for (const tokenHash of hashes) multi.del(sessionKey(tokenHash));
      multi.del(userIndexKey(userId));
      await multi.exec();
    },
  };
}
