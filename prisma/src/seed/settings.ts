import { settingRegistry } from '@govpocket/shared';
import type { Prisma, PrismaClient } from '../../generated/client/client';

/**
 * The configurable defaults of domain.md, as Setting rows: one row per entry of the settings
 * registry (shared/src/settings-registry.ts), which the BFF's readers also use. The BFF reads them
 * by key and an admin changes them without a deploy. Seeding never overwrites a value an admin has
 * changed.
 */
export type DefaultSetting = { key: string; value: Prisma.InputJsonValue; description: string };

export const defaultSettings: readonly DefaultSetting[] = Object.values(settingRegistry).map((definition) => ({
  key: definition.key,
  value: definition.fallback as Prisma.InputJsonValue,
  description: `${definition.description}（${definition.unit}，${definition.range}）`,
}));

export async function seedSettings(prisma: PrismaClient): Promise<void> {
  await prisma.setting.createMany({
    data: defaultSettings.map((setting) => ({ key: setting.key, value: setting.value, description: setting.description })),
    skipDuplicates: true,
  });
}
