import type { PrismaClient } from '@govpocket/db';
import { z } from 'zod';
import { cachedSettings, readSettingRows, settingValue, type CachedSettings, type SettingSpec } from '../../platform/settings';

/**
 * The letter rules of domain.md §3, read from the Setting table (an admin changes them without a
 * deploy), with the domain defaults when a row is missing or malformed.
 */
export type LetterSettings = {
  acceptWorkingDays: number;
  replyWorkingDays: number;
  extensionMaxWorkingDays: number;
  returnWorkingDays: number;
  warningWorkingDays: number;
  rateDays: number;
  maxReopens: number;
  maxImages: number;
  titleLength: { min: number; max: number };
  bodyLength: { min: number; max: number };
  overdueNoticeAt: string;
};

const count = z.number().int().min(0).max(10_000);
const range = z.object({ min: count, max: count });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const keys = {
  acceptWorkingDays: ['letter.acceptWorkingDays', count, 2],
  replyWorkingDays: ['letter.replyWorkingDays', count, 15],
  extensionMaxWorkingDays: ['letter.extensionMaxWorkingDays', count, 15],
  returnWorkingDays: ['letter.returnWorkingDays', count, 1],
  warningWorkingDays: ['letter.warningWorkingDays', count, 2],
  rateDays: ['letter.rateDays', count, 7],
  maxReopens: ['letter.maxReopens', count, 1],
  maxImages: ['letter.maxImages', count, 9],
  titleLength: ['letter.titleLength', range, { min: 5, max: 40 }],
  bodyLength: ['letter.bodyLength', range, { min: 10, max: 2000 }],
  overdueNoticeAt: ['letter.overdueNoticeAt', time, '09:00'],
} as const;

export type LetterSettingsReader = CachedSettings<LetterSettings>;

export function parseLetterSettings(values: ReadonlyMap<string, unknown>): LetterSettings {
  const read = <T>(spec: SettingSpec<T>): T => settingValue(values, spec);
  return {
    acceptWorkingDays: read(keys.acceptWorkingDays),
    replyWorkingDays: read(keys.replyWorkingDays),
    extensionMaxWorkingDays: read(keys.extensionMaxWorkingDays),
    returnWorkingDays: read(keys.returnWorkingDays),
    warningWorkingDays: read(keys.warningWorkingDays),
    rateDays: read(keys.rateDays),
    maxReopens: read(keys.maxReopens),
    maxImages: read(keys.maxImages),
    titleLength: read(keys.titleLength),
    bodyLength: read(keys.bodyLength),
    overdueNoticeAt: read(keys.overdueNoticeAt),
  };
}

const settingKeys = Object.values(keys).map(([key]) => key);

/** Each process keeps the values for a few seconds so a burst of requests reads the table once. */
export function createLetterSettingsReader(prisma: PrismaClient, cacheMs = 5000): LetterSettingsReader {
  return cachedSettings(() => readSettingRows(prisma, settingKeys).then(parseLetterSettings), { ttlMs: cacheMs });
}
