import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. Personal data never reaches them: the fields that could carry it are redacted
 * wherever they appear, and request logs carry ids, not openids or phone numbers.
 */
export const redactedPaths = [
  'openid', '*.openid', 'sessionKey', '*.sessionKey', 'session_key', '*.session_key', 'phone', '*.phone',
  'phoneNumber', '*.phoneNumber', 'idNumber', '*.idNumber', 'token', '*.token', 'authorization', '*.authorization',
  'req.headers.authorization', 'req.headers.cookie', 'body', '*.body', 'privateKey', '*.privateKey', 'apiV3Key', '*.apiV3Key',
];

export function createLogger(options: { level: string; name?: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      name: options.name ?? 'bff',
      level: options.level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
