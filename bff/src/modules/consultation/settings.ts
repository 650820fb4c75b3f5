import type { PrismaClient } from '@govpocket/db';
import { readSettings } from '../../platform/settings';

/**
 * The consultation rules of domain.md §4 kept in the Setting table (keys, ranges and defaults in
 * the registry, shared/src/settings-registry.ts).
 */
export const consultationSettingsSpec = { defaultDays: 'consultation.defaultDays', opinionLength: 'consultation.opinionLength' } as const;

export type ConsultationSettings = { defaultDays: number; opinionMin: number; opinionMax: number };

export async function readConsultationSettings(prisma: PrismaClient): Promise<ConsultationSettings> {
  const { defaultDays, opinionLength } = await readSettings(prisma, consultationSettingsSpec);
  return { defaultDays, opinionMin: opinionLength.min, opinionMax: opinionLength.max };
}
