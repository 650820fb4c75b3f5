import type { PrismaClient } from '@govpocket/db';
import { settingRegistry, type SettingDefinition, type SettingKey, type SettingValue } from '@govpocket/shared';

/**
 * Rules an admin changes without a deploy live in the Setting table; their keys, types, ranges and
 * defaults are the one registry in shared/src/settings-registry.ts. A module names the entries it
 * reads as `{ field: 'registry.key' }`; a missing, malformed or out-of-range row reads as the
 * registry's default.
 */
export type SettingsSpec = Readonly<Record<string, SettingKey>>;
export type SettingsOf<S extends SettingsSpec> = { -readonly [F in keyof S]: SettingValue<(typeof settingRegistry)[S[F]]> };

export async function readSettingRows(prisma: PrismaClient, keys: readonly string[]): Promise<Map<string, unknown>> {
  const rows = await prisma.setting.findMany({ where: { key: { in: [...keys] } }, select: { key: true, value: true } });
  return new Map(rows.map((row) => [row.key, row.value]));
}

export function settingValue<T>(values: ReadonlyMap<string, unknown>, { key, schema, fallback }: SettingDefinition<T>): T {
  const parsed = schema.safeParse(values.get(key));
  return parsed.success ? parsed.data : fallback;
}

export function parseSettings<S extends SettingsSpec>(spec: S, values: ReadonlyMap<string, unknown>): SettingsOf<S> {
  const definitions: Record<SettingKey, SettingDefinition<unknown>> = settingRegistry;
  return Object.fromEntries(Object.entries(spec).map(([field, key]) => [field, settingValue(values, definitions[key])])) as SettingsOf<S>;
}

export async function readSettings<S extends SettingsSpec>(prisma: PrismaClient, spec: S): Promise<SettingsOf<S>> {
  return parseSettings(spec, await readSettingRows(prisma, Object.values(spec)));
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

/** A cached reader of one module's settings. */
export function createSettingsReader<S extends SettingsSpec>(prisma: PrismaClient, spec: S, options: { ttlMs: number; clock?: () => number }): CachedSettings<SettingsOf<S>> {
  return cachedSettings(() => readSettings(prisma, spec), options);
}
