import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * Versioned cache of public guide answers, in two levels.
 * - Redis holds the answers under keys that carry the catalogue version; every save or publish
 *   bumps the version, so all processes stop serving old answers without deleting anything.
 * - Each process keeps the answers it served recently and the current version in memory. A bump
 *   is published on a Redis channel and reaches every process at once; should a message be lost,
 *   the version is re-read from Redis at least once a second anyway.
 * A hot guide detail therefore costs no I/O at all. View counts are gathered in memory and added
 * to Redis every few seconds.
 *
 * The cache is never a reason for a public read to fail: while Redis is away, reads miss and
 * answers come from MySQL (the process keeps the copies it holds under the last version it saw).
 * A fresh or restarted Redis starts the version from the clock rather than from 0, so copies a
 * process kept under the versions of a Redis that was lost can never become current again. A
 * save whose bump could not reach Redis is not lost either: the process stops using its copies
 * and bumps as soon as Redis answers again (so does every process that saw Redis away, in case
 * the one that saved died meanwhile).
 */
/** `body` is `json` encoded once, so a hot answer is written to the socket without re-encoding. */
export type CachedAnswer = { etag: string; json: string; body: Buffer };

export type GuideCache = {
  version: () => Promise<string>;
  bump: () => Promise<void>;
  readDetail: (code: string, options: { countView: boolean }) => Promise<{ version: string; cached: CachedAnswer | null }>;
  write: (version: string, key: string, json: string) => Promise<CachedAnswer>;
  read: (version: string, key: string) => Promise<CachedAnswer | null>;
  /** Moves the view counts gathered in Redis out, for writing to the database. */
  takeViewCounts: () => Promise<Map<string, number>>;
  /** Pushes this process's pending view counts to Redis now. */
  flushLocalViews: () => Promise<void>;
  close: () => Promise<void>;
};

const redisTtlSeconds = 3600;
const versionMaxAgeMs = 1000;
const localCapacity = 1000;
const viewFlushMs = 3000;
/** The version of a process that has never reached Redis: nothing is read from or kept under it. */
const uncachedVersion = 'uncached';

const readVersionScript = `
local value = redis.call('GET', KEYS[1])
if value then return value end
redis.call('SET', KEYS[1], ARGV[1])
return ARGV[1]`;

const bumpScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end
return redis.call('INCR', KEYS[1])`;

function decode(raw: string | null | undefined): CachedAnswer | null {
  if (!raw) return null;
  const newline = raw.indexOf('\n');
  if (newline < 0) return null;
  const json = raw.slice(newline + 1);
  return { etag: raw.slice(0, newline), json, body: Buffer.from(json) };
}

export function etagOf(json: string): string {
  return `W/"${createHash('sha1').update(json).digest('base64url')}"`;
}

export function createGuideCache({ redis, keyPrefix }: { redis: Redis; keyPrefix: string }): GuideCache {
  const versionKey = `${keyPrefix}guide:version`;
  const channel = `${keyPrefix}guide:version-changed`;
  const viewsKey = `${keyPrefix}guide:views`;
  const entryKey = (version: string, key: string): string => `${keyPrefix}guide:v${version}:${key}`;

  let known: { value: string; readAt: number } | undefined;
  /** A bump failed or Redis was away: the version must move on once Redis answers again. */
  let isBumpOwed = false;
  const local = new Map<string, CachedAnswer>();
  const pendingViews = new Map<string, number>();

  const remember = (value: string): void => {
    if (!known || Number(value) >= Number(known.value)) known = { value, readAt: Date.now() };
  };
  const subscriber = redis.duplicate({ lazyConnect: false, enableOfflineQueue: true, maxRetriesPerRequest: null });
  subscriber.on('error', () => undefined);
  subscriber.on('message', (_channel: string, message: string) => remember(message));
  void subscriber.subscribe(channel).catch(() => undefined);

  const localGet = (version: string, key: string): CachedAnswer | null => local.get(`${version}:${key}`) ?? null;
  const localSet = (version: string, key: string, answer: CachedAnswer): void => {
    if (local.size >= localCapacity) {
      const oldest = local.keys().next().value;
      if (oldest !== undefined) local.delete(oldest);
    }
    local.set(`${version}:${key}`, answer);
  };

  const version = async (): Promise<string> => {
    if (known && Date.now() - known.readAt < versionMaxAgeMs) return known.value;
    let value: string;
    try {
      value = String(await redis.eval(readVersionScript, 1, versionKey, String(Date.now())));
    } catch {
      // Redis is away: keep the last version seen, and ask Redis again on the next read.
      isBumpOwed = true;
      return known?.value ?? uncachedVersion;
    }
    if (isBumpOwed) return bumpOrOwe();
    known = { value, readAt: Date.now() };
    return value;
  };
  /** Moves every process to a new version; when Redis cannot take it, owes it and stops serving copies. */
  const bumpOrOwe = async (): Promise<string> => {
    try {
      const value = String(await redis.eval(bumpScript, 1, versionKey, String(Date.now())));
      isBumpOwed = false;
      known = { value, readAt: Date.now() };
      await redis.publish(channel, value).catch(() => undefined); // the others re-read within a second anyway
      return value;
    } catch {
      isBumpOwed = true;
      known = undefined;
      return uncachedVersion;
    }
  };
  const read = async (atVersion: string, key: string): Promise<CachedAnswer | null> => {
    if (atVersion === uncachedVersion) return null;
    const hit = localGet(atVersion, key);
    if (hit) return hit;
    const stored = decode(await redis.get(entryKey(atVersion, key)).catch(() => null));
    if (stored) localSet(atVersion, key, stored);
    return stored;
  };
  const flushLocalViews = async (): Promise<void> => {
    if (pendingViews.size === 0) return;
    const batch = [...pendingViews];
    pendingViews.clear();
    const pipeline = redis.pipeline();
    for (const [code, count] of batch) pipeline.hincrby(viewsKey, code, count);
    await pipeline.exec().catch(() => {
      for (const [code, count] of batch) pendingViews.set(code, (pendingViews.get(code) ?? 0) + count);
    });
  };
  const viewTimer = setInterval(() => void flushLocalViews(), viewFlushMs);
  viewTimer.unref();

  return {
    version,
    bump: async () => {
      await bumpOrOwe();
    },
    readDetail: async (code, { countView }) => {
      if (countView) pendingViews.set(code, (pendingViews.get(code) ?? 0) + 1);
      const atVersion = await version();
      return { version: atVersion, cached: await read(atVersion, `detail:${code}`) };
    },
    write: async (atVersion, key, json) => {
      const answer = { etag: etagOf(json), json, body: Buffer.from(json) };
      if (atVersion === uncachedVersion) return answer;
      // An answer Redis could not take is still the right answer: the next reader loads it again.
      await redis.set(entryKey(atVersion, key), `${answer.etag}\n${json}`, 'EX', redisTtlSeconds).catch(() => undefined);
      localSet(atVersion, key, answer);
      return answer;
    },
    read,
    takeViewCounts: async () => {
      const draining = `${viewsKey}:draining:${Date.now()}`;
      const moved = await redis.renamenx(viewsKey, draining).catch(() => 0);
      if (!moved) return new Map();
      const counts = await redis.hgetall(draining);
      await redis.del(draining);
      return new Map(Object.entries(counts).map(([code, count]) => [code, Number(count)]));
    },
    flushLocalViews,
    close: async () => {
      clearInterval(viewTimer);
      await flushLocalViews();
      subscriber.disconnect();
    },
  };
}
