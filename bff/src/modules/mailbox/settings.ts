import type { PrismaClient } from '@govpocket/db';
import { createSettingsReader, type CachedSettings, type SettingsOf } from '../../platform/settings';

/**
 * The letter rules of domain.md §3, read from the Setting table (keys, ranges and defaults in the
 * registry, shared/src/settings-registry.ts).
 */
export const letterSettingsSpec = {
  acceptWorkingDays: 'letter.acceptWorkingDays',
  replyWorkingDays: 'letter.replyWorkingDays',
  extensionMaxWorkingDays: 'letter.extensionMaxWorkingDays',
  returnWorkingDays: 'letter.returnWorkingDays',
  acceptWarningWorkingDays: 'letter.acceptWarningWorkingDays',
  replyWarningWorkingDays: 'letter.warningWorkingDays',
  rateDays: 'letter.rateDays',
  maxReopens: 'letter.maxReopens',
  maxImages: 'letter.maxImages',
  titleLength: 'letter.titleLength',
  bodyLength: 'letter.bodyLength',
  overdueNoticeAt: 'letter.overdueNoticeAt',
} as const;

export type LetterSettings = SettingsOf<typeof letterSettingsSpec>;
export type LetterSettingsReader = CachedSettings<LetterSettings>;

/** Each process keeps the values for a few seconds so a burst of requests reads the table once. */
export function createLetterSettingsReader(prisma: PrismaClient, cacheMs = 5000): LetterSettingsReader {
  return createSettingsReader(prisma, letterSettingsSpec, { ttlMs: cacheMs });
}

export type LetterStage = 'accept' | 'reply';

/**
 * How many working days before a stage's deadline a letter turns 即将超期. Each stage has its own
 * threshold, never as long as the stage itself: a letter that has just arrived (or just been
 * accepted) is never flagged.
 */
export function warningWorkingDays(settings: LetterSettings, stage: LetterStage): number {
  return stage === 'accept'
    ? Math.max(0, Math.min(settings.acceptWarningWorkingDays, settings.acceptWorkingDays - 1))
    : Math.max(0, Math.min(settings.replyWarningWorkingDays, settings.replyWorkingDays - 1));
}
