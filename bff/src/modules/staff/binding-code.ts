import { createHash, randomInt } from 'node:crypto';

/**
 * One-time codes an admin hands a new staff member. 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L): 31^8 ≈ 8.5 × 10^11, single use, short-lived (`staff.bindingCodeTtlHours`), and
 * guessing is rate-limited (`staff.bindingCodeMaxAttempts`), so a plain
 * SHA-256 of the code is enough to keep the stored value useless to a reader of the database.
 */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generateBindingCode(): string {
  return Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export function hashBindingCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase()).digest('hex');
}
