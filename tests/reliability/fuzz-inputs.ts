import fc from 'fast-check';
import { z } from 'zod';
import * as shared from '@govpocket/shared';

/**
 * Generators of bad input for the route fuzz: every value, field name and body shape a caller can
 * throw at the BFF that it must refuse with a 4xx (or accept as valid after all), never a 5xx.
 */

/** Every field name (and every object's full key set) of the request/response schemas in shared/. */
function schemaVocabulary(): { fields: string[]; shapes: string[][] } {
  const fields = new Set<string>();
  const shapes: string[][] = [];
  const seen = new Set<unknown>();
  const walk = (schema: unknown, depth: number): void => {
    if (depth > 6 || seen.has(schema) || !(schema instanceof z.ZodType)) return;
    seen.add(schema);
    if (schema instanceof z.ZodObject) {
      const keys = Object.keys(schema.shape);
      keys.forEach((key) => fields.add(key));
      if (keys.length > 0) shapes.push(keys);
      for (const inner of Object.values(schema.shape)) walk(inner, depth + 1);
      return;
    }
    const def: Record<string, unknown> = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    for (const key of ['innerType', 'element', 'in', 'out', 'left', 'right', 'valueType', 'schema']) walk(def[key], depth + 1);
    if (Array.isArray(def.options)) for (const option of def.options) walk(option, depth + 1);
  };
  for (const value of Object.values(shared)) walk(value, 0);
  return { fields: [...fields].sort(), shapes };
}

export const vocabulary = schemaVocabulary();

// Lone surrogates, bidi overrides, zero-width, emoji sequences, NUL and other controls.
export const unicodeEdges = [
  '\uD800',
  '\uDFFF',
  'a\uDC00b',
  '\u202Eevil.exe\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD',
  '\u0627\u0644\u0639\u0631\u0628\u064A\u0629',
  '\u200B\u200C\u200D\uFEFF',
  '\u0000',
  'a\u0000b',
  '\u0001\u0007\u001B[31m',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '😀'.repeat(50),
  '\uFFFD\uFFFE\uFFFF',
  'e\u0301\u0301\u0301\u0301\u0301',
  '\r\n\t\u2028\u2029',
  '𠀀𪚥𰻞',
  '   ',
  '',
];

export const injections = [
  "' OR '1'='1",
  "'; DROP TABLE Letter; --",
  '" OR 1=1 -- ',
  '1; SELECT SLEEP(5)',
  "\\'; SELECT * FROM User; --",
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'true',
];

export const weirdNumbers: unknown[] = [-1, 0, -0, 1.5, -1e308, 1e308, 2 ** 53 + 1, -(2 ** 63), 2 ** 64, 1e-300, 9999999999999, 0.1 + 0.2];

/** Values JSON can carry (NaN/Infinity are written as raw text in the malformed-JSON bodies). */
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...unicodeEdges) },
  { weight: 3, arbitrary: fc.constantFrom(...injections) },
  { weight: 2, arbitrary: fc.constantFrom(...weirdNumbers) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31T25:61:61Z', '1970-01-01', '2026-11-23T10:00:00+08:00', 'yesterday') },
  { weight: 1, arbitrary: fc.constantFrom('RESIDENT', 'ADMIN', 'PENDING', 'PAID', 'ACCEPTED', 'DRAFT', 'PUBLISHED', 'SUCCESS', 'FAIL') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 64 }).map((size) => '办'.repeat(size * 100)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }).map((size) => 'x'.repeat(size * 2000)) },
);

export const badValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom([], {}, [[[[[]]]]], Array.from({ length: 500 }, (_, index) => index)) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...vocabulary.fields, '__proto__', 'constructor'), tie('value'), { maxKeys: 3 }) },
  ),
})).value;

const fieldName = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...vocabulary.fields) }, { weight: 1, arbitrary: fc.constantFrom(...unicodeEdges, ...injections) });

/** An object with real field names of some schema (all present), each a bad value. */
const shapedObject = fc
  .constantFrom(...vocabulary.shapes)
  .chain((keys) => fc.tuple(...keys.map((key) => fc.tuple(fc.constant(key), badValue))).map((entries) => Object.fromEntries(entries)));

export const badJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: shapedObject },
  { weight: 3, arbitrary: fc.dictionary(fieldName, badValue, { maxKeys: 6 }) },
  { weight: 1, arbitrary: badValue },
  { weight: 1, arbitrary: fc.constantFrom({}, [], null, 0, '', 'x', true) },
);

export type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'oversize'; contentType: string; bytes: number }
  | { kind: 'encoded'; encoding: string; text: string }
  | { kind: 'multipart'; boundary: string; text: string };

// Bodies whose Content-Encoding lies (plain JSON declared compressed) or names something unknown.
const encodedBody = fc.record({
  kind: fc.constant('encoded' as const),
  encoding: fc.constantFrom('gzip', 'br', 'deflate', 'x-gzip', 'compress', 'gzip, br', 'identity, gzip', 'zstd'),
  text: fc.constantFrom('{"code":"x"}', '{"reason":"\\ud800"}', '\u001f\u008b\u0008\u0000garbage', ''),
});

// Multipart envelopes cut short or malformed: a file part without its closing boundary (once
// took the process down), parts without headers, a second file part cut off, no boundary line.
const multipartBody = fc.record({
  kind: fc.constant('multipart' as const),
  boundary: fc.constantFrom('X', 'xyz', '----WebKitFormBoundary7MA4YWxkTrZu0gW'),
  text: fc.constantFrom(
    '--{b}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\u00e0 cut',
    '--{b}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004',
    '--{b}\r\n\r\nno headers',
    '--{b}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc\r\n--{b}\r\nContent-Disposition: form-data; name="file"; filename="b.png"\r\n\r\ncut',
    '--{b}\r\nContent-Disposition: form-data; name="note"\r\n\r\n\u00ed\u00a0\u0080\r\n--{b}--\r\n',
    '--{b}\r\nContent-Disposition: form-data\r\n\r\n\r\n--{b}--\r\n',
    '--{b}--\r\n',
    '--{b}',
    'no boundary line at all',
    '',
  ),
});

const malformedJson = fc.constantFrom(
  '{"code": "abc",',
  '{',
  '[',
  '{"a":}',
  "{'a': 1}",
  '{"a": NaN}',
  '{"a": Infinity}',
  '{"a": -Infinity}',
  '{"a": undefined}',
  '{"a": 1}}',
  '{"a": "\\ud800"}',
  '{"a": "\\u0000"}',
  '\uFEFF{"a":1}',
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
  'null',
  '"just a string"',
  '12345678901234567890123456789',
  '[' .repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
  '',
  ' ',
  '\u0000',
);

export const bodySpec: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 1, arbitrary: encodedBody },
  { weight: 1, arbitrary: multipartBody },
  { weight: 10, arbitrary: badJson.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 2, arbitrary: malformedJson.map((text) => ({ kind: 'raw' as const, contentType: 'application/json', text })) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      contentType: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=xyz', 'application/xml', 'application/octet-stream', 'application/json; charset=latin1', 'image/png', 'application/vnd.api+json', '*/*', 'no-such/type;;;'),
      text: fc.oneof(fc.constantFrom('code=abc&name=%E0%A4%A', '<a>1</a>', '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--xyz--', '{"name":"x"}', '\u0000\u0001'), fc.string({ maxLength: 200 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('oversize' as const), contentType: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=xyz'), bytes: fc.constantFrom(300 * 1024, 1100 * 1024) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
);

// URLs stay under Node's 16 KB header limit: beyond it Node's parser answers 431 before the app runs.

/** A path parameter: mostly bad, sometimes a real id so validation behind the lookup is reached. */
export const badPathValue = fc.oneof(
  fc.constantFrom('0', '-1', '1.5', 'NaN', '99999999999999999999999', 'abc', 'x'.repeat(2000), '2026-02-30', '0000', '1e999', 'null', '__proto__', ' ', '.', '..'),
  fc.constantFrom(...unicodeEdges.filter((edge) => edge !== ''), ...injections),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.uuid(),
  fc.stringMatching(/^c[a-z0-9]{24}$/),
);

/** Encodes a path segment; lone surrogates go as the bytes of an (invalid) UTF-8 surrogate. */
export function encodeSegment(value: string): string {
  return [...value].map((char) => (/^[\uD800-\uDFFF]$/.test(char) ? '%ED%A0%80' : encodeURIComponent(char))).join('');
}

export const rawBadSegment = fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%2F..%2F', '%C0%AF', '%ED%A0%80', '%FF%FE');

const queryKey = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('page', 'pageSize', 'limit', 'cursor', 'status', 'q', 'keyword', 'from', 'to', 'date', 'year', 'month', 'hallId', 'departmentId', 'code', 'itemCode', 'category', 'sort', 'order', 'type', 'unread', 'windowId', 'slotId', 'action', 'actorId', 'format') }, { weight: 2, arbitrary: fieldName });
const queryValue = fc.oneof(
  badPathValue.map(encodeSegment),
  rawBadSegment,
  fc.constantFrom(...weirdNumbers.map(String), 'NaN', 'Infinity', '-Infinity', '1e309', '', '0x10', '١٢٣'),
);

/** A raw query string: repeated keys, nested keys, bad escapes, huge values. */
export const badQuery: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.tuple(queryKey, queryValue), { minLength: 1, maxLength: 5 }).map((pairs) => pairs.map(([key, value]) => `${encodeSegment(String(key))}=${value}`).join('&')) },
  { weight: 1, arbitrary: fc.constantFrom('page=1&page=2&page=x', 'pageSize[]=1&pageSize[]=2', 'status[a]=1', 'a=%', '=&=&&', '&&&', 'q', `q=${'a'.repeat(8000)}`, 'cursor=eyJpZCI6Ii0xIn0', '__proto__[x]=1', 'constructor[prototype][x]=1') },
  { weight: 1, arbitrary: fc.constant('') },
);
