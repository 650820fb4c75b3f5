import type { PrismaClient } from '@govpocket/db';
import { z } from 'zod';
import { readSettingRows, settingValue } from '../../platform/settings';

/**
 * The consultation rules of domain.md §4 kept in the Setting table (an admin changes them without
 * a deploy), with the domain defaults when a row is missing or malformed.
 */
export type ConsultationSettings = { defaultDays: number; opinionMin: number; opinionMax: number };

const defaultDaysSchema = z.number().int().min(1).max(365);
const lengthSchema = z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }).refine((value) => value.min <= value.max);

const defaultDays = ['consultation.defaultDays', defaultDaysSchema, 30] as const;
const opinionLength = ['consultation.opinionLength', lengthSchema, { min: 10, max: 1000 }] as const;

export async function readConsultationSettings(prisma: PrismaClient): Promise<ConsultationSettings> {
  const values = await readSettingRows(prisma, [defaultDays[0], opinionLength[0]]);
  const length = settingValue(values, opinionLength);
  return { defaultDays: settingValue(values, defaultDays), opinionMin: length.min, opinionMax: length.max };
}
