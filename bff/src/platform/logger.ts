import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. Personal data never reaches them, at any depth: pino's redact paths blank the usual
 * fields cheaply, then every finished line is walked once more (maskLogLine) so that a field
 * nested deeper than the paths reach, an error carrying a phone number in a property or in its
 * message, or a free-text string with a phone number, ID number or openid is masked too.
 */
export const redactedPaths = [
  'openid', '*.openid', 'sessionKey', '*.sessionKey', 'session_key', '*.session_key', 'phone', '*.phone',
  'phoneNumber', '*.phoneNumber', 'idNumber', '*.idNumber', 'token', '*.token', 'authorization', '*.authorization',
  'req.headers.authorization', 'req.headers.cookie', 'body', '*.body', 'privateKey', '*.privateKey', 'apiV3Key', '*.apiV3Key',
];

const censor = '[redacted]';

/** Field names (compared without case, `_` and `-`) whose value is blanked wherever they appear. */
const sensitiveKeys = new Set(
  [
    'openid', 'unionid', 'sessionKey', 'phone', 'phoneNumber', 'purePhoneNumber', 'mobile', 'contactPhone', 'tel',
    'idNumber', 'idCard', 'idCardNumber', 'token', 'accessToken', 'refreshToken', 'authorization', 'cookie', 'setCookie',
    'body', 'privateKey', 'apiV3Key', 'secret', 'password', 'address', 'deliveryAddress', 'encryptionKey',
  ].map((key) => normaliseKey(key)),
);

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

/** Mainland mobile numbers, resident ID numbers (18 characters) and WeChat openids in free text. */
const textPatterns: Array<[RegExp, string]> = [
  [/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, '[id-number]'],
  [/(?<![\dA-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g, '[phone]'],
  [/(?<![\w-])o[\w-]{27}(?![\w-])/g, '[openid]'],
];

export function maskText(text: string): string {
  let masked = text;
  for (const [pattern, replacement] of textPatterns) masked = masked.replace(pattern, replacement);
  return masked;
}

function maskValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 64) return censor;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, depth + 1));
  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    masked[key] = sensitiveKeys.has(normaliseKey(key)) && item !== null && item !== undefined ? censor : maskValue(item, depth + 1);
  }
  return masked;
}

/** One finished log line (JSON + newline) with every sensitive field and text pattern masked. */
export function maskLogLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return maskText(line);
  }
  return `${JSON.stringify(maskValue(parsed, 0))}${line.endsWith('\n') ? '\n' : ''}`;
}

export function createLogger(options: { level: string; name?: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      name: options.name ?? 'bff',
      level: options.level,
      redact: { paths: redactedPaths, censor },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: { streamWrite: maskLogLine },
    },
    options.destination,
  );
}
