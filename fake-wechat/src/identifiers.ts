import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/**
 * Identifiers shaped like WeChat's, so that column sizes and parsers in the BFF meet realistic
 * values (a 28-digit transaction id does not fit in a JavaScript number, for instance).
 */
const alphanumeric = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomAlphanumeric(length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += alphanumeric[randomInt(alphanumeric.length)];
  return text;
}

export function randomDigits(length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += String(randomInt(10));
  return text;
}

/** wx.login codes and getPhoneNumber codes are 32 printable characters. */
export const newLoginCode = (): string => randomAlphanumeric(32);
export const newPhoneCode = (): string => randomBytes(32).toString('hex');
export const newSessionKey = (): string => randomBytes(16).toString('base64');
/** Real tokens start with a version number and run to ~136 characters. */
export const newAccessToken = (): string => `87_${randomAlphanumeric(133)}`;
export const newTraceId = (): string => `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
export const newRequestId = (): string => randomBytes(24).toString('hex').toUpperCase();
export const newNotificationId = (): string => randomUUID();
/** Subscribe-message ids exceed 2^53 in production; these stay below it so JSON keeps them exact. */
export const newMessageId = (): number => Number(`3${randomDigits(15)}`);

function compactTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

export const newPrepayId = (nowMs: number): string => `wx${compactTime(nowMs)}${randomBytes(11).toString('hex').slice(0, 20)}`;
export const newTransactionId = (nowMs: number): string => `42000${randomDigits(5)}${compactTime(nowMs).slice(0, 8)}${randomDigits(10)}`;
export const newRefundId = (nowMs: number): string => `50300${randomDigits(6)}${compactTime(nowMs).slice(0, 8)}${randomDigits(10)}`;
