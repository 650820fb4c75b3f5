import { localDateOf } from '../calendar/shanghai-time';
import { fromDbDate } from './dates';
import type { Db } from './repository';
import { templateFor, type PlanRule } from './schedule-plan';
import { listHallTemplatesForHours } from './schedule-repository';

/**
 * A hall's opening hours, in words, from the one source of truth: its weekly schedule template in
 * force today (the rules the booking calendar opens slots from). The hall card, the guide detail
 * and the booking screens all show this text, so they cannot disagree about a Saturday.
 */
export type HoursRule = Pick<PlanRule, 'weekday' | 'startTime' | 'endTime'>;

const weekdayNames = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** The day's periods, overlapping or touching ones (several item groups) merged. */
function periodsOf(rules: HoursRule[], weekday: number): string {
  const sorted = rules.filter((rule) => rule.weekday === weekday).sort((a, b) => a.startTime.localeCompare(b.startTime));
  const merged: { start: string; end: string }[] = [];
  for (const rule of sorted) {
    const last = merged.at(-1);
    if (last && rule.startTime <= last.end) last.end = rule.endTime > last.end ? rule.endTime : last.end;
    else merged.push({ start: rule.startTime, end: rule.endTime });
  }
  return merged.map((period) => `${period.start}-${period.end}`).join('、');
}

function dayRange(first: number, last: number): string {
  if (first === last) return weekdayNames[first] ?? '';
  if (last === first + 1) return `${weekdayNames[first] ?? ''}、${weekdayNames[last] ?? ''}`;
  return `${weekdayNames[first] ?? ''}至${weekdayNames[last] ?? ''}`;
}

/** e.g. "周一至周五 09:00-12:00、13:30-17:00；周六 09:00-12:00（法定节假日除外）"; null without rules. */
export function hallHoursText(rules: HoursRule[]): string | null {
  const groups: { first: number; last: number; periods: string }[] = [];
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const periods = periodsOf(rules, weekday);
    if (!periods) continue;
    const last = groups.at(-1);
    if (last && last.last === weekday - 1 && last.periods === periods) last.last = weekday;
    else groups.push({ first: weekday, last: weekday, periods });
  }
  if (groups.length === 0) return null;
  return `${groups.map((group) => `${dayRange(group.first, group.last)} ${group.periods}`).join('；')}（法定节假日除外）`;
}

/**
 * The hours of each hall today, from its schedule. A hall without any schedule in force (not open
 * for booking) keeps the text stored with it.
 */
export async function currentHallHours(db: Db, halls: readonly { id: string; hours: string }[], now: Date): Promise<Map<string, string>> {
  const today = localDateOf(now);
  const templates = await listHallTemplatesForHours(db, halls.map((hall) => hall.id));
  return new Map(
    halls.map((hall) => {
      const current = templateFor(
        templates
          .filter((template) => template.hallId === hall.id)
          .map((template) => ({ ...template, validFrom: fromDbDate(template.validFrom), validTo: template.validTo ? fromDbDate(template.validTo) : null })),
        today,
      );
      return [hall.id, (current && hallHoursText(current.rules)) ?? hall.hours];
    }),
  );
}

/** The same halls with `hours` from their schedules. */
export async function withScheduledHours<H extends { id: string; hours: string }>(db: Db, halls: H[], now: Date): Promise<H[]> {
  if (halls.length === 0) return halls;
  const hours = await currentHallHours(db, halls, now);
  return halls.map((hall) => ({ ...hall, hours: hours.get(hall.id) ?? hall.hours }));
}

/**
 * The 办理时间 of a guide: its halls' common hours when they agree, a pointer to each hall's own
 * line when they differ, and the guide's own text only when it names no hall.
 */
export function guideHoursText(halls: readonly { hours: string }[], ownText: string): string {
  const distinct = [...new Set(halls.map((hall) => hall.hours))];
  if (distinct.length === 1 && distinct[0]) return distinct[0];
  if (distinct.length > 1) return '各办理大厅时间不同，见下方办理地点';
  return ownText;
}
