import type { Prisma, PrismaClient } from '@govpocket/db';
import type { SessionUser } from '@govpocket/shared';
import type { CalendarService } from '../calendar/service';
import type { MediaChecks } from '../content-safety/media-check';
import type { ContentSafetyDeps } from '../content-safety/service';
import type { FileDeps } from '../files';
import type { BookingLookups } from './lookups';
import type { SeatGate } from './reservation';
import type { BookingSettingsReader } from './settings';

/** What the booking services need, built once in createApp (tests pass their own clock). */
export type BookingDeps = {
  prisma: PrismaClient;
  gate: SeatGate;
  calendar: CalendarService;
  settings: BookingSettingsReader;
  lookups: BookingLookups;
  files: Pick<FileDeps, 'prisma' | 'urls'>;
  /** WeChat's media check of pre-review photos, asked for once the booking is stored. */
  mediaChecks?: MediaChecks;
  /** Rating comments pass the same content safety as letters. */
  contentSafety?: ContentSafetyDeps;
  now: () => Date;
  /** Runs in the hall's cancellation transaction (refunds of paid fee orders); returns what to do after the commit. */
  onHallCancel?: HallCancelHook;
  /** After a hall's weekly schedule changed: its hours text changed wherever guides show it. */
  onScheduleChange?: () => Promise<void>;
};

export type HallCancelHook = (
  tx: Prisma.TransactionClient,
  input: { appointmentIds: string[]; staff: SessionUser; reason: string; requestId: string; now: Date },
) => Promise<() => Promise<void>>;
