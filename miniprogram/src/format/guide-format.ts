import { type GuideDetail } from '@govpocket/shared';

/** How guide facts read in Chinese: the words residents see on government service portals. */

/** 承诺时限 / 法定时限: 0 working days is 即办 (done on the spot). */
export function workingDaysText(days: number): string {
  return days === 0 ? '即办' : `${days}个工作日`;
}

/** 到现场次数 as a tag: 0 is 零跑腿, 1 is 最多跑一次 (the reform's promise), more are counted. */
export function onSiteTripsText(trips: number): string {
  if (trips === 0) return '零跑腿';
  if (trips === 1) return '最多跑一次';
  return `到现场${trips}次`;
}

/**
 * 到现场次数 as a sentence (guide facts, booking page, appointment). A zero-trip item never reads
 * "0 次": it is handled wholly online.
 */
export function onSiteTripsCountText(trips: number): string {
  if (trips === 0) return '全程网办，无需到现场';
  if (trips === 1) return '最多跑一次';
  return `最多到现场${trips}次`;
}

/** The promise on the booking page: trips and the promised working days. */
export function bookingPromiseText(trips: number, promisedDays: number): string {
  const days = promisedDays === 0 ? '当场办结' : `${promisedDays}个工作日办结`;
  return trips === 0 ? `本事项可全程网办，无需到现场；如需到大厅办理，${days}` : `承诺${onSiteTripsCountText(trips)}，${days}`;
}

/** Which visit an appointment is, against the promise ("第 1 次到现场（承诺最多 1 次）"). */
export function appointmentTripText(tripNumber: number, promisedTrips: number): string {
  if (promisedTrips === 0) return '本事项可全程网办，无需到现场';
  return `本事项第 ${tripNumber} 次到现场（承诺最多 ${promisedTrips} 次）`;
}

/** Fen → yuan without float drift: 12000 → "120", 1050 → "10.50". */
export function yuanFromFen(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0')}`;
}

/** The fee as one line: 不收费, "120元", or the standard when the amount depends on the case. */
export function feeText(fee: GuideDetail['fee']): string {
  if (!fee.isCharged) return '不收费';
  if (fee.amountFen !== null) return `${yuanFromFen(fee.amountFen)}元`;
  return '按标准收费';
}

const chinaOffsetMs = 8 * 60 * 60 * 1000;

/** An ISO timestamp as the date in China (UTC+8), e.g. 2026-06-03, whatever the device's zone. */
export function chinaDate(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const date = new Date(time + chinaOffsetMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

const weekdays = ['日', '一', '二', '三', '四', '五', '六'];

/** An appointment time in China, e.g. "6月3日 周三 09:00". */
export function chinaDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const date = new Date(time + chinaOffsetMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCMonth() + 1}月${date.getUTCDate()}日 周${weekdays[date.getUTCDay()] ?? ''} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}
