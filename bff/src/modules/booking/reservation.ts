import type Redis from 'ioredis';
import { AppError } from '../../platform/errors/app-error';

/**
 * The fast gate in front of the booking transaction: one Redis set per slot holding a member per
 * seat taken (`<residentId>:<itemId>`), changed only by Lua scripts so the check and the add are
 * one step for every BFF process. The database stays the source of truth (the booking transaction
 * increments Slot.bookedCount only while it is below capacity), so the gate may be rebuilt at any
 * moment without risk: after a Redis restart or flush the "loaded" marker is gone and the next
 * booking rebuilds the set from the slot's appointments before using it. The marker also expires
 * now and then, so a set that drifted (a release lost while Redis was away) heals by itself.
 */
export type ReserveOutcome = 'RESERVED' | 'HELD' | 'FULL';

export type SeatGate = {
  reserve: (input: { slotId: string; member: string; capacity: number; loadMembers: () => Promise<string[]> }) => Promise<ReserveOutcome>;
  release: (slotId: string, member: string) => Promise<void>;
  /** Forces a rebuild from the database on next use (the database disagreed with the set). */
  invalidate: (slotId: string) => Promise<void>;
};

const reserveScript = `
if redis.call('EXISTS', KEYS[2]) == 0 then return -1 end
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 2 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
return 1`;

// Loads only if nobody loaded meanwhile: the first loader wins, later ones keep its set.
const loadScript = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('DEL', KEYS[1])
for i = 2, #ARGV do redis.call('SADD', KEYS[1], ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) + 60000)
redis.call('SET', KEYS[2], '1', 'PX', tonumber(ARGV[1]))
return 1`;

export function seatMember(residentId: string, itemId: string): string {
  return `${residentId}:${itemId}`;
}

export function createSeatGate({ redis, keyPrefix, reloadAfterMs = 10 * 60_000 }: { redis: Redis; keyPrefix: string; reloadAfterMs?: number }): SeatGate {
  // The hash tag keeps both keys of a slot on one cluster node, as the scripts need.
  const keysOf = (slotId: string): [string, string] => [`${keyPrefix}booking:seats:{${slotId}}`, `${keyPrefix}booking:seats-loaded:{${slotId}}`];
  const unavailable = (cause: unknown): AppError => new AppError('SERVICE_UNAVAILABLE', { message: '预约服务暂时不可用，请稍后重试', retryAfterSeconds: 5, cause });

  const run = async (script: string, keys: [string, string], args: Array<string | number>): Promise<number> => {
    try {
      return Number(await redis.eval(script, 2, ...keys, ...args));
    } catch (error) {
      throw unavailable(error);
    }
  };

  return {
    reserve: async ({ slotId, member, capacity, loadMembers }) => {
      const keys = keysOf(slotId);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const result = await run(reserveScript, keys, [member, capacity]);
        if (result === 1) return 'RESERVED';
        if (result === 2) return 'HELD';
        if (result === 0) return 'FULL';
        await run(loadScript, keys, [reloadAfterMs, ...(await loadMembers())]);
      }
      throw unavailable(new Error(`seat set of slot ${slotId} would not load`));
    },
    release: async (slotId, member) => {
      try {
        await redis.srem(keysOf(slotId)[0], member);
      } catch {
        // The set heals on its next reload; the database already has the truth.
      }
    },
    invalidate: async (slotId) => {
      try {
        await redis.del(keysOf(slotId)[1]);
      } catch {
        // Same: a later reload fixes it.
      }
    },
  };
}
