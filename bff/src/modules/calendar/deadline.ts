import type { WorkingCalendar } from './working-calendar';

/**
 * A deadline in working days that can stop while we wait for the resident (补充材料) and be
 * extended once. The due instant is derived, never stored alone, so a pause or an extension can
 * always be explained from the record.
 */
export type DeadlineClock = {
  startedAt: Date;
  workingDays: number;
  extensionDays: number;
  /** Working time already spent stopped by finished pauses. */
  pausedWorkingMs: number;
  /** Set while the clock is stopped. */
  pausedSince: Date | null;
};

export function startDeadline(startedAt: Date, workingDays: number): DeadlineClock {
  return { startedAt, workingDays, extensionDays: 0, pausedWorkingMs: 0, pausedSince: null };
}

export function pauseDeadline(clock: DeadlineClock, at: Date): DeadlineClock {
  if (clock.pausedSince) return clock;
  return { ...clock, pausedSince: at };
}

export function resumeDeadline(calendar: WorkingCalendar, clock: DeadlineClock, at: Date): DeadlineClock {
  if (!clock.pausedSince) return clock;
  return { ...clock, pausedSince: null, pausedWorkingMs: clock.pausedWorkingMs + calendar.workingTimeBetween(clock.pausedSince, at) };
}

export function extendDeadline(clock: DeadlineClock, extraWorkingDays: number): DeadlineClock {
  if (!Number.isInteger(extraWorkingDays) || extraWorkingDays <= 0) throw new RangeError('an extension is a whole number of working days > 0');
  return { ...clock, extensionDays: clock.extensionDays + extraWorkingDays };
}

/** When the deadline falls due, as of `now` (a stopped clock keeps moving the due date). */
export function dueAt(calendar: WorkingCalendar, clock: DeadlineClock, now: Date): Date {
  const base = calendar.addWorkingDays(clock.startedAt, clock.workingDays + clock.extensionDays);
  const runningPause = clock.pausedSince ? calendar.workingTimeBetween(clock.pausedSince, now) : 0;
  return calendar.addWorkingTime(base, clock.pausedWorkingMs + runningPause);
}

export type DeadlineState = 'ON_TRACK' | 'DUE_SOON' | 'OVERDUE' | 'PAUSED';

/** Yellow when due within `warnWorkingDays` working days, red once past. */
export function deadlineState(calendar: WorkingCalendar, clock: DeadlineClock, now: Date, warnWorkingDays = 2): DeadlineState {
  if (clock.pausedSince) return 'PAUSED';
  const due = dueAt(calendar, clock, now);
  if (now.getTime() > due.getTime()) return 'OVERDUE';
  return calendar.workingDaysBetween(now, due) <= warnWorkingDays ? 'DUE_SOON' : 'ON_TRACK';
}
