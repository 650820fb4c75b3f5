import { dueAt, deadlineState, extendDeadline, pauseDeadline, resumeDeadline, startDeadline } from '../../bff/src/modules/calendar/deadline';
import { loadChineseDays } from '../../bff/src/modules/calendar/holiday-source';
import { formatMonthDay, localDateOf } from '../../bff/src/modules/calendar/shanghai-time';
import { createWorkingCalendar } from '../../bff/src/modules/calendar/working-calendar';

const calendar = createWorkingCalendar(loadChineseDays(), [
  { date: '2027-02-08', kind: 'HOLIDAY', name: '春节（管理员维护）' },
  { date: '2027-02-20', kind: 'WORKDAY', name: '春节调休上班（管理员维护）' },
]);
const at = (text: string): Date => new Date(`${text}+08:00`);
const shanghai = (instant: Date): string => new Date(instant.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');

describe('working-day calendar (Asia/Shanghai)', () => {
  it('knows the 2026 National Day week and its make-up days', () => {
    for (const date of ['2026-10-01', '2026-10-05', '2026-10-07']) expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休上班
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.describe('2026-10-03')).toMatchObject({ isWorkingDay: false, name: '国庆节', source: 'PUBLISHED' });
  });

  it('adds working days across National Day, landing on a make-up Saturday', () => {
    expect(shanghai(calendar.addWorkingDays(at('2026-09-30T10:00:00'), 2))).toBe('2026-10-09T23:59:59.999+08:00');
    expect(shanghai(calendar.addWorkingDays(at('2026-09-30T10:00:00'), 3))).toBe('2026-10-10T23:59:59.999+08:00');
  });

  it('skips Spring Festival 2026 but counts its make-up Saturdays', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-17')).toBe(false);
    expect(localDateOf(calendar.addWorkingDays(at('2026-02-13T16:30:00'), 2))).toBe('2026-02-24');
    expect(calendar.workingDaysBetween(at('2026-02-13T09:00:00'), at('2026-02-28T09:00:00'))).toBe(6); // 02-14, 24, 25, 26, 27 and the make-up Saturday 02-28
  });

  it('runs a deadline across New Year', () => {
    // 12-31 (Wed), then 01-01..03 are 元旦, 01-04 (Sunday) is a make-up workday, then 01-05.
    expect(localDateOf(calendar.addWorkingDays(at('2025-12-30T11:00:00'), 3))).toBe('2026-01-05');
  });

  it('uses the instant of day in Shanghai, not UTC', () => {
    // 2026-10-09 23:30 in Shanghai is still 10-09 there (15:30 UTC): 1 working day later is the make-up Saturday.
    expect(localDateOf(calendar.addWorkingDays(new Date('2026-10-09T15:30:00Z'), 1))).toBe('2026-10-10');
    // 2026-10-09 16:30 UTC is already 10-10 00:30 in Shanghai.
    expect(localDateOf(calendar.addWorkingDays(new Date('2026-10-09T16:30:00Z'), 1))).toBe('2026-10-12');
  });

  it('falls back to Monday–Friday for years without a published arrangement, with admin overrides winning', () => {
    expect(calendar.describe('2027-02-09')).toMatchObject({ isWorkingDay: true, source: 'WEEKDAY' });
    expect(calendar.describe('2027-02-08')).toMatchObject({ isWorkingDay: false, source: 'OVERRIDE' });
    expect(calendar.describe('2027-02-20')).toMatchObject({ isWorkingDay: true, source: 'OVERRIDE' }); // a Saturday
    const overridden = createWorkingCalendar(loadChineseDays(), [{ date: '2026-10-08', kind: 'HOLIDAY', name: '临时调整' }]);
    expect(overridden.isWorkingDay('2026-10-08')).toBe(false);
  });

  it('finds the next working day at a time of day', () => {
    expect(shanghai(calendar.nextWorkingDayAt(at('2026-09-30T19:00:00'), '18:00'))).toBe('2026-10-08T18:00:00.000+08:00');
    expect(shanghai(calendar.nextWorkingDayAt(at('2026-10-09T17:00:00'), '18:00'))).toBe('2026-10-09T18:00:00.000+08:00');
    expect(shanghai(calendar.nextWorkingDayAt(at('2026-10-04T08:00:00'), '09:00'))).toBe('2026-10-08T09:00:00.000+08:00');
  });

  it('counts working time only on working days', () => {
    expect(calendar.workingTimeBetween(at('2026-09-30T12:00:00'), at('2026-10-08T12:00:00'))).toBe(24 * 3600_000);
    expect(calendar.workingTimeBetween(at('2026-10-02T12:00:00'), at('2026-10-06T12:00:00'))).toBe(0);
  });
});

describe('deadlines that pause, resume and extend', () => {
  it('stops the clock across a holiday and owes back only working time', () => {
    let clock = startDeadline(at('2026-09-28T09:00:00'), 2);
    expect(localDateOf(dueAt(calendar, clock, at('2026-09-28T09:00:00')))).toBe('2026-09-30');
    clock = pauseDeadline(clock, at('2026-09-29T10:00:00'));
    expect(deadlineState(calendar, clock, at('2026-10-05T10:00:00'))).toBe('PAUSED');
    clock = resumeDeadline(calendar, clock, at('2026-10-09T10:00:00'));
    // Stopped for 14 h (09-29) + 09-30 + 10-08 + 10 h (10-09) = 3 working days: due moves from 09-30 to 10-10.
    expect(clock.pausedWorkingMs).toBe(72 * 3600_000);
    expect(shanghai(dueAt(calendar, clock, at('2026-10-09T10:00:00')))).toBe('2026-10-10T23:59:59.999+08:00');
  });

  it('extends once by working days and turns yellow, then red', () => {
    let clock = startDeadline(at('2026-11-02T09:00:00'), 15);
    expect(formatMonthDay(dueAt(calendar, clock, at('2026-11-02T09:00:00')))).toBe('11月23日');
    expect(deadlineState(calendar, clock, at('2026-11-10T09:00:00'))).toBe('ON_TRACK');
    expect(deadlineState(calendar, clock, at('2026-11-20T09:00:00'))).toBe('DUE_SOON');
    expect(deadlineState(calendar, clock, at('2026-11-24T00:00:01'))).toBe('OVERDUE');
    clock = extendDeadline(clock, 15);
    expect(formatMonthDay(dueAt(calendar, clock, at('2026-11-24T00:00:01')))).toBe('12月14日');
    expect(() => extendDeadline(clock, 0)).toThrow(RangeError);
  });
});
