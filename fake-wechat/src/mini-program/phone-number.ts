import type { FakeContext } from '../fake-context';
import { newPhoneCode, randomDigits } from '../identifiers';
import { codeLifetimeMs, ensureUser } from './session';
import { wxErrors } from './wx-error';

export type PhoneInfo = {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
  watermark: { timestamp: number; appid: string };
};

/** What `<Button openType="getPhoneNumber">` would hand the mini-program. */
export function mintPhoneCode(fake: FakeContext, openid: string, phone?: string): { code: string; phone: string } {
  const user = ensureUser(fake, openid);
  const number = phone ?? user.phone ?? `138${randomDigits(8)}`;
  user.phone ??= number;
  const code = newPhoneCode();
  fake.state.phoneCodes.set(code, { code, openid, phone: number, issuedAt: fake.clock.now() });
  return { code, phone: number };
}

/** POST /wxa/business/getuserphonenumber */
export function getPhoneNumber(fake: FakeContext, code: string | undefined): PhoneInfo {
  if (!code) throw wxErrors.invalidCode();
  const entry = fake.state.phoneCodes.get(code);
  const now = fake.clock.now();
  if (!entry || entry.usedAt !== undefined || now - entry.issuedAt > codeLifetimeMs) throw wxErrors.invalidCode();
  entry.usedAt = now;
  return {
    // Mainland numbers carry no area code in phoneNumber; only foreign ones do.
    phoneNumber: entry.phone,
    purePhoneNumber: entry.phone,
    countryCode: '86',
    watermark: { timestamp: fake.clock.nowSeconds(), appid: fake.options.appid },
  };
}
