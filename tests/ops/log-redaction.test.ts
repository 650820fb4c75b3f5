import { Writable } from 'node:stream';
import { createLogger, maskLogLine } from '../../bff/src/platform/logger';

/**
 * Redaction reaches every depth: fields nested deeper than pino's redact paths, errors that carry
 * a phone number in a property, in their message or in their cause, and free text.
 */
const phone = '13987654321';
const idNumber = '33010219900307123X';
const openid = 'oAbCdEfGhIjKlMnOpQrStUvWxYz1';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'trace', destination: sink }) };
}

class LookupError extends Error {
  constructor(
    message: string,
    readonly phone: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

describe('log redaction', () => {
  it('masks phone numbers, ID numbers and openids in nested objects, errors, causes and messages', () => {
    const { lines, logger } = capture();
    const cause = new Error(`code2Session failed for ${openid}`);
    const error = new LookupError(`no user with phone ${phone} (ID ${idNumber})`, phone, { deeper: { evenDeeper: { contact: { mobile: phone, note: `call ${phone}` } } } });
    (error as Error & { cause?: unknown }).cause = cause;
    logger.error({ err: error, request: { resident: { profile: { identity: { idNumber, openid }, phones: [phone, `+86 ${phone}`] } } } }, `lookup of ${phone} failed`);
    logger.warn({ a: { b: { c: { d: { e: { f: { phoneNumber: phone, text: `身份证${idNumber}，电话${phone}。` } } } } } } }, 'deep');
    logger.info(error, 'an error as the first argument');

    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(phone);
      expect(line).not.toContain(idNumber);
      expect(line).not.toContain(openid);
    }
    const [first = {}, second = {}, third = {}] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first.msg).toBe('lookup of [phone] failed');
    expect(JSON.stringify(first.err)).toContain('no user with phone [phone] (ID [id-number])');
    expect(first.err).toMatchObject({ phone: '[redacted]', details: { deeper: { evenDeeper: { contact: { mobile: '[redacted]', note: 'call [phone]' } } } } });
    expect(JSON.stringify(first.err)).toContain('code2Session failed for [openid]');
    expect(first.request).toEqual({ resident: { profile: { identity: { idNumber: '[redacted]', openid: '[redacted]' }, phones: ['[phone]', '[phone]'] } } });
    expect(second.a).toEqual({ b: { c: { d: { e: { f: { phoneNumber: '[redacted]', text: '身份证[id-number]，电话[phone]。' } } } } } });
    expect(third).toMatchObject({ msg: 'an error as the first argument', err: { phone: '[redacted]' } });
    // What is not personal stays readable.
    expect(first).toMatchObject({ level: 'error', name: 'bff' });
  });

  it('leaves ids, times and counts alone', () => {
    const line = JSON.stringify({ requestId: 'c8f3a9b2d4e5f6a7b8c9d0e1f', time: '2026-10-08T10:00:00.000Z', durationMs: 12345678901, orderNo: 'GP202610081234567890' });
    expect(JSON.parse(maskLogLine(`${line}\n`))).toEqual(JSON.parse(line));
  });
});
