/**
 * How a payload value becomes a subscribe-message field value. WeChat checks every value against
 * the rule of the key's type (the key without its digits: `thing1` → `thing`) and rejects the whole
 * message with 47003 when one breaks it, so values are shaped here, before the call: text is cut to
 * the type's length (with an ellipsis where the type allows one), instants are written in Shanghai
 * time, amounts in yuan from fen. Pure: no I/O, unit-tested.
 */
export type FieldValue = string | number | boolean | null | undefined;

const shanghaiOffsetMs = 8 * 60 * 60 * 1000;
const ellipsis = '…';
const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `thing12` → `thing`, `character_string4` → `character_string`. */
export function fieldTypeOf(key: string): string {
  return key.replace(/\d+$/, '');
}

function chars(text: string): string[] {
  return [...text];
}

/** Cuts to `max` characters (code points, as WeChat counts), ending with "…" when cut. */
export function truncate(text: string, max: number, withEllipsis = true): string {
  const all = chars(text);
  if (all.length <= max) return text;
  return withEllipsis ? `${all.slice(0, max - 1).join('')}${ellipsis}` : all.slice(0, max).join('');
}

function toInstant(value: FieldValue): Date | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const localDate = localDatePattern.exec(value.trim());
  // A bare local date is midnight in Shanghai, not in UTC.
  const instant = localDate ? new Date(`${value.trim()}T00:00:00+08:00`) : new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function shanghaiParts(instant: Date): { year: number; month: number; day: number; hour: string; minute: string } {
  const shifted = new Date(instant.getTime() + shanghaiOffsetMs);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: String(shifted.getUTCHours()).padStart(2, '0'),
    minute: String(shifted.getUTCMinutes()).padStart(2, '0'),
  };
}

/** `2026年11月22日` in Shanghai. */
export function formatChineseDate(instant: Date): string {
  const { year, month, day } = shanghaiParts(instant);
  return `${year}年${month}月${day}日`;
}

/** `2026年11月22日 15:01` in Shanghai. */
export function formatChineseDateTime(instant: Date): string {
  const { hour, minute } = shanghaiParts(instant);
  return `${formatChineseDate(instant)} ${hour}:${minute}`;
}

/** `￥12.50` from 1250 fen; null for what is not a whole, non-negative number of fen. */
export function formatYuan(fen: number): string | null {
  if (!Number.isSafeInteger(fen) || fen < 0) return null;
  const yuan = Math.floor(fen / 100);
  if (String(yuan).length > 10) return null;
  return `￥${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

function asText(value: FieldValue): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\s+/g, ' ').trim();
}

function keepOnly(text: string, allowed: RegExp): string {
  return chars(text).filter((char) => allowed.test(char)).join('');
}

const han = /\p{Script=Han}/u;

type Formatter = (value: FieldValue) => string;

const thing: Formatter = (value) => truncate(asText(value), 20);

const formatters: Record<string, Formatter> = {
  thing,
  short_thing: (value) => truncate(asText(value), 5),
  number: (value) => {
    const text = asText(value);
    return /^\d+(\.\d+)?$/.test(text) && text.length <= 32 ? text : '';
  },
  letter: (value) => truncate(keepOnly(asText(value), /[A-Za-z]/), 32, false),
  symbol: (value) => truncate(keepOnly(asText(value), /[^\p{L}\p{N}\s]/u), 5, false),
  character_string: (value) => truncate(keepOnly(asText(value), /[\x21-\x7e]/), 32, false),
  phone_number: (value) => truncate(keepOnly(asText(value), /[0-9+\-() ]/), 17, false).trim(),
  car_number: (value) => truncate(keepOnly(asText(value), /[\p{Script=Han}A-Za-z0-9]/u), 8, false),
  name: (value) => {
    const text = asText(value);
    if (/^[A-Za-z][A-Za-z .'-]*$/.test(text)) return truncate(text, 20, false).trim();
    return truncate(keepOnly(text, /[\p{Script=Han}·]/u), 10, false);
  },
  // Only Chinese characters are allowed, so an ellipsis cannot mark the cut.
  phrase: (value) => truncate(keepOnly(asText(value), han), 5, false),
  amount: (value) => {
    if (typeof value === 'number') return formatYuan(value) ?? '';
    const text = asText(value);
    return /^(?:[¥￥$€£]\d{1,10}(?:\.\d{1,2})?元?|\d{1,10}(?:\.\d{1,2})?元)$/.test(text) ? text : '';
  },
  time: (value) => {
    const instant = toInstant(value);
    return instant ? formatChineseDateTime(instant) : '';
  },
  date: (value) => {
    const instant = toInstant(value);
    return instant ? formatChineseDate(instant) : '';
  },
};

/**
 * The value to send for template key `key`, or null when nothing acceptable can be made of `value`
 * (missing, or e.g. a `time` that is not an instant). Keys of types WeChat may add later are sent
 * as text, cut to 20 characters.
 */
export function formatFieldValue(key: string, value: FieldValue): string | null {
  const formatted = (formatters[fieldTypeOf(key)] ?? thing)(value);
  return formatted === '' ? null : formatted;
}
