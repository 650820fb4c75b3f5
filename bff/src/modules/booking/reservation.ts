import type Redis from 'ioredis';
import { AppError } from '../../platform/errors/app-error';

/**
 * The fast gate in front of the booking transaction: one Redis sorted set per slot holding a member
 * per seat taken (`<residentId>:<itemId>`), changed only by Lua scripts so the check and the add are
 * one step for every BFF process. A seat a request takes is a lease (score: when it lapses, by
 * Redis's clock) until the booking commits and the seat is confirmed (score +inf); a lease whose
 * request died (kill -9, a crash between the gate and the database) lapses by itself, so a dead
 * process never keeps residents from a free seat for long. The database stays the source of truth
 * (the booking transaction increments Slot.bookedCount only while it is below capacity), so the
 * gate may be rebuilt at any moment without risk: after a Redis restart or flush the "loaded"
 * marker is gone and the next booking rebuilds the set from the slot's appointments before using
 * it. The marker also expires now and then, so a set that drifted heals by itself.
 */
export type ReserveOutcome = 'RESERVED' | 'HELD' | 'FULL';

export type SeatGate = {
  reserve: (input: { slotId: string; member: string; capacity: number; loadMembers: () => Promise<string[]> }) => Promise<ReserveOutcome>;
  /** The booking committed: the seat is no longer a lease that lapses. */
  confirm: (slotId: string, member: string) => Promise<void>;
  release: (slotId: string, member: string) => Promise<void>;
  /** Forces a rebuild from the database on next use (the database disagreed with the set). */
  invalidate: (slotId: string) => Promise<void>;
};

/** Longer than a booking request can take (its transaction waits 10 s at most and runs 20 s at most). */
export const defaultSeatLeaseMs = 40_000;

const reserveScript = `
if redis.call('EXISTS', KEYS[2]) == 0 then return -1 end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 2 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
return 1`;

// Loads only if nobody loaded meanwhile: the first loader wins, later ones keep its set. Seats
// read from the database are bookings: confirmed.
const loadScript = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('DEL', KEYS[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'inf', ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) + 60000)
redis.call('SET', KEYS[2], '1', 'PX', tonumber(ARGV[1]))
return 1`;

export function seatMember(residentId: string, itemId: string): string {
  return `${residentId}:${itemId}`;
}

/** The slot's seat set and its "loaded" marker; the hash tag keeps both on one cluster node, as the scripts need. */
export function seatKeys(keyPrefix: string, slotId: string): [string, string] {
  return [`${keyPrefix}booking:seat-leases:{${slotId}}`, `${keyPrefix}booking:seat-leases-loaded:{${slotId}}`];
}

export function createSeatGate({ redis, keyPrefix, reloadAfterMs = 10 * 60_000, leaseMs = defaultSeatLeaseMs }: { redis: Redis; keyPrefix: string; reloadAfterMs?: number; leaseMs?: number }): SeatGate {
  const keysOf = (slotId: string): [string, string] => seatKeys(keyPrefix, slotId);
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
        const result = await run(reserveScript, keys, [member, capacity, leaseMs]);
        if (result === 1) return 'RESERVED';
        if (result === 2) return 'HELD';
        if (result === 0) return 'FULL';
        await run(loadScript, keys, [reloadAfterMs, ...(await loadMembers())]);
      }
      throw unavailable(new Error(`seat set of slot ${slotId} would not load`));
    },
    confirm: async (slotId, member) => {
      try {
        await redis.zadd(keysOf(slotId)[0], 'inf', member);
      } catch {
        // The lease lapses and the set counts one seat short; the database refuses the extra booking
        // that lets through, and that refusal rebuilds the set.
      }
    },
    release: async (slotId, member) => {
      try {
        await redis.zrem(keysOf(slotId)[0], member);
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
