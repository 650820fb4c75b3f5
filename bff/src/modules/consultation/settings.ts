import type { PrismaClient } from '@govpocket/db';
import { z } from 'zod';

/**
 * The consultation rules of domain.md §4 kept in the Setting table (an admin changes them without
 * a deploy), with the domain defaults when a row is missing or malformed.
 */
export type ConsultationSettings = { defaultDays: number; opinionMin: number; opinionMax: number };

const defaultDaysSchema = z.number().int().min(1).max(365);
const lengthSchema = z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }).refine((value) => value.min <= value.max);

export async function readConsultationSettings(prisma: PrismaClient): Promise<ConsultationSettings> {
  const rows = await prisma.setting.findMany({ where: { key: { in: ['consultation.defaultDays', 'consultation.opinionLength'] } }, select: { key: true, value: true } });
  const value = (key: string): unknown => rows.find((row) => row.key === key)?.value;
  const days = defaultDaysSchema.safeParse(value('consultation.defaultDays'));
  const length = lengthSchema.safeParse(value('consultation.opinionLength'));
  return { defaultDays: days.success ? days.data : 30, opinionMin: length.success ? length.data.min : 10, opinionMax: length.success ? length.data.max : 1000 };
}
