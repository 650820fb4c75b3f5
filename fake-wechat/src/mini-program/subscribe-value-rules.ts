/**
 * The value rules of subscribe-message template keys, chosen by the key's type prefix (`thing1`
 * → `thing`). WeChat rejects a value breaking them with 47003 naming the field; catching that in
 * tests beats discovering it when a resident's reminder silently fails in production.
 */
type ValueRule = (value: string) => boolean;

const length = (value: string): number => [...value].length;
const han = /^[\p{Script=Han}·]+$/u;

const datePart = String.raw`(\d{4})(?:年(\d{1,2})月(\d{1,2})日|[-/](\d{1,2})[-/](\d{1,2}))`;
const timePart = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`;
const pointInTime = new RegExp(String.raw`^(?:${datePart})?\s*(?:${timePart})?$`);

type PointInTime = { hasDate: boolean; hasTime: boolean };

function parsePointInTime(text: string): PointInTime | undefined {
  const match = pointInTime.exec(text.trim());
  if (!match || text.trim() === '') return undefined;
  const [, year, cnMonth, cnDay, month, day, hour, minute, second] = match;
  const hasDate = year !== undefined;
  const hasTime = hour !== undefined;
  const inRange = (value: string | undefined, min: number, max: number): boolean => value === undefined || (Number(value) >= min && Number(value) <= max);
  const valid =
    inRange(cnMonth ?? month, 1, 12) && inRange(cnDay ?? day, 1, 31) && inRange(hour, 0, 23) && inRange(minute, 0, 59) && inRange(second, 0, 59);
  return valid ? { hasDate, hasTime } : undefined;
}

/** A time or a date, optionally a range of two joined by "~". */
function isTemporal(value: string, needs: keyof PointInTime): boolean {
  const points = value.split('~');
  if (points.length > 2) return false;
  return points.every((point) => parsePointInTime(point)?.[needs] === true);
}

const rules: Record<string, ValueRule> = {
  thing: (value) => length(value) <= 20,
  short_thing: (value) => length(value) <= 5,
  number: (value) => length(value) <= 32 && /^\d+(\.\d+)?$/.test(value),
  letter: (value) => length(value) <= 32 && /^[A-Za-z]+$/.test(value),
  symbol: (value) => length(value) <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(value),
  character_string: (value) => length(value) <= 32 && /^[\x21-\x7e]+$/.test(value),
  phone_number: (value) => length(value) <= 17 && /^[0-9+\-() ]+$/.test(value),
  car_number: (value) => length(value) <= 8 && /^\p{Script=Han}?[A-Za-z0-9]+\p{Script=Han}?$/u.test(value),
  name: (value) => (han.test(value) && length(value) <= 10) || (/^[A-Za-z][A-Za-z .'-]*$/.test(value) && length(value) <= 20),
  phrase: (value) => length(value) <= 5 && /^\p{Script=Han}+$/u.test(value),
  amount: (value) => /^(?:[¥￥$€£]\d{1,10}(?:\.\d{1,2})?元?|\d{1,10}(?:\.\d{1,2})?元)$/.test(value),
  time: (value) => isTemporal(value, 'hasTime'),
  date: (value) => isTemporal(value, 'hasDate'),
};

export function keyType(key: string): string {
  return key.replace(/\d+$/, '');
}

/** Whether `value` is acceptable for template key `key`; keys of unknown types only need a value. */
export function isValidTemplateValue(key: string, value: string): boolean {
  if (value.length === 0) return false;
  const rule = rules[keyType(key)];
  return rule ? rule(value) : true;
}
