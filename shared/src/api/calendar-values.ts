import { z } from 'zod';

/**
 * Months, quarters and days a request names, bounded to the years the product serves. A year like
 * 9999 or 0000 passes a plain pattern but makes no usable instant (nor a MySQL DATETIME), so every
 * month, quarter and date parameter uses these primitives. Messages leave out the field's name:
 * `validationSummary` puts it in front ("月份格式应为 …").
 */
export const supportedYears = { min: 2000, max: 2100 } as const;

const yearRange = `年份应在 ${supportedYears.min} 至 ${supportedYears.max} 之间`;
const yearOf = (value: string): number => Number(value.slice(0, 4));
const inRange = (value: string): boolean => yearOf(value) >= supportedYears.min && yearOf(value) <= supportedYears.max;

/** 2026-10 */
export const monthValueSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '格式应为 YYYY-MM，如 2026-10')
  .refine(inRange, yearRange);

/** 2026-10 or 2026-Q4 (which of the two a `period` parameter asks for is checked where both are read). */
export const monthOrQuarterValueSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, '格式应为 YYYY-MM 或 YYYY-Q1，如 2026-10、2026-Q4')
  .refine(inRange, yearRange);

/** 2026-10-08: a day that exists in the calendar. */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '格式应为 YYYY-MM-DD，如 2026-10-08')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, '不存在，请检查年、月、日')
  .refine(inRange, yearRange);

/** An ISO instant with its offset (2026-10-08T09:00:00+08:00), in the supported years. */
export const boundedInstantSchema = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const time = Date.parse(value);
    return Number.isFinite(time) && new Date(time).getUTCFullYear() >= supportedYears.min && new Date(time).getUTCFullYear() <= supportedYears.max;
  }, yearRange);
