import type { PrismaClient } from '@govpocket/db';
import type { z } from 'zod';

/**
 * Rules an admin changes without a deploy live in the Setting table. Each module names its keys
 * as `[key, schema, default]`; a missing or malformed row falls back to the domain default.
 */
export type SettingSpec<T> = readonly [key: string, schema: z.ZodType<T>, fallback: T];

export async function readSettingRows(prisma: PrismaClient, keys: string[]): Promise<Map<string, unknown>> {
  const rows = await prisma.setting.findMany({ where: { key: { in: keys } }, select: { key: true, value: true } });
  return new Map(rows.map((row) => [row.key, row.value]));
}

export function settingValue<T>(values: ReadonlyMap<string, unknown>, [key, schema, fallback]: SettingSpec<T>): T {
  const parsed = schema.safeParse(values.get(key));
  return parsed.success ? parsed.data : fallback;
}

export type CachedSettings<T> = { read: () => Promise<T>; invalidate: () => void };

/**
 * Each process keeps the values for `ttlMs` (0: never) so a burst of requests reads the table
 * once; a failed read is not kept.
 */
export function cachedSettings<T>(load: () => Promise<T>, { ttlMs, clock = () => Date.now() }: { ttlMs: number; clock?: () => number }): CachedSettings<T> {
  let cached: { at: number; value: Promise<T> } | undefined;
  return {
    read: () => {
      if (!cached || clock() - cached.at >= ttlMs) {
        const value = load();
        cached = { at: clock(), value };
        value.catch(() => {
          cached = undefined;
        });
      }
      return cached.value;
    },
    invalidate: () => {
      cached = undefined;
    },
  };
}
