/** All times are Asia/Shanghai (UTC+8, no daylight saving), whatever the phone's zone. */
const shanghaiOffsetMs = 8 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

type ShanghaiParts = { year: number; month: number; day: number; hour: number; minute: number; dayNumber: number };

function shanghaiParts(epochMs: number): ShanghaiParts {
  const shifted = new Date(epochMs + shanghaiOffsetMs);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    dayNumber: Math.floor((epochMs + shanghaiOffsetMs) / dayMs),
  };
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** "今天 09:30", "昨天 18:00", "3月5日 14:20", or "2025年11月2日" for another year. */
export function formatMessageTime(iso: string, now: number = Date.now()): string {
  const at = shanghaiParts(Date.parse(iso));
  const today = shanghaiParts(now);
  const clock = `${pad(at.hour)}:${pad(at.minute)}`;
  if (at.dayNumber === today.dayNumber) return `今天 ${clock}`;
  if (at.dayNumber === today.dayNumber - 1) return `昨天 ${clock}`;
  if (at.year === today.year) return `${at.month}月${at.day}日 ${clock}`;
  return `${at.year}年${at.month}月${at.day}日`;
}

/** "2026年11月22日 09:30", for records such as the date of a consent or an export. */
export function formatDateTime(iso: string): string {
  const at = shanghaiParts(Date.parse(iso));
  return `${at.year}年${at.month}月${at.day}日 ${pad(at.hour)}:${pad(at.minute)}`;
}

/** "10月8日": a deadline day as residents read it (预计 10月8日前受理). */
export function formatMonthDay(iso: string): string {
  const at = shanghaiParts(Date.parse(iso));
  return Number.isNaN(at.year) ? '' : `${at.month}月${at.day}日`;
}
