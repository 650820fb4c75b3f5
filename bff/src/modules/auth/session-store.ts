import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * Opaque session tokens. The client holds 32 random bytes; Redis holds only their SHA-256, so a
 * Redis dump cannot be replayed. Expiry slides on every use (the idle timeout) up to an absolute
 * lifetime counted from sign-in, shorter for staff than for residents; a user's sessions are
 * indexed so logout-everywhere, account deletion and disabling a staff account revoke them all.
 */
export type StoredSession = { userId: string; createdAt: number };

export type SessionStore = {
  create: (userId: string) => Promise<{ token: string; expiresInSeconds: number }>;
  /** The session behind a token, extending its expiry; null when unknown, expired or revoked. */
  touch: (token: string) => Promise<StoredSession | null>;
  revoke: (token: string) => Promise<void>;
  revokeAllForUser: (userId: string) => Promise<void>;
  /**
   * True when the session has outlived the absolute lifetime of its holder (staff or resident),
   * counted from sign-in or from `since` if later (a resident who just bound a staff account).
   */
  isPastMaxAge: (session: StoredSession, holder: 'staff' | 'resident', since?: Date | null) => boolean;
};

export type SessionMaxAge = { resident: number; staff: number };

/** The production defaults (config SESSION_MAX_AGE_*): residents 30 days, staff 12 hours. */
export const defaultSessionMaxAge: SessionMaxAge = { resident: 30 * 24 * 3600, staff: 12 * 3600 };

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSessionStore({ redis, keyPrefix, ttlSeconds, maxAgeSeconds = defaultSessionMaxAge, clock = Date.now }: { redis: Redis; keyPrefix: string; ttlSeconds: number; maxAgeSeconds?: SessionMaxAge; clock?: () => number }): SessionStore {
  // No session outlives the longest absolute lifetime, nor does its user's index need to.
  const longest = Math.max(maxAgeSeconds.resident, maxAgeSeconds.staff);
  const sessionKey = (tokenHash: string): string => `${keyPrefix}session:${tokenHash}`;
  const userIndexKey = (userId: string): string => `${keyPrefix}user-sessions:${userId}`;

  return {
    create: async (userId) => {
      const token = randomBytes(32).toString('base64url');
      const tokenHash = hashToken(token);
      const session: StoredSession = { userId, createdAt: clock() };
      const expiresInSeconds = Math.min(ttlSeconds, longest);
      await redis
        .multi()
        .set(sessionKey(tokenHash), JSON.stringify(session), 'EX', expiresInSeconds)
        .sadd(userIndexKey(userId), tokenHash)
        .expire(userIndexKey(userId), longest + 60)
        .exec();
      return { token, expiresInSeconds };
    },
    touch: async (token) => {
      if (!tokenPattern.test(token)) return null;
      const key = sessionKey(hashToken(token));
      const raw = await redis.getex(key, 'EX', ttlSeconds);
      if (!raw) return null;
      const session = JSON.parse(raw) as StoredSession;
      if (clock() - session.createdAt >= longest * 1000) {
        await redis.del(key);
        return null;
      }
      return session;
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
    isPastMaxAge: (session, holder, since) => clock() - Math.max(session.createdAt, since?.getTime() ?? 0) >= maxAgeSeconds[holder] * 1000,
  };
}
