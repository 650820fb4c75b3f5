/**
 * How personal data appears wherever it is shown to someone other than its owner, published, or
 * logged: 138****1234, 张*, 3301**********1234.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

export function maskIdNumber(id: string): string {
  const chars = [...id.trim()];
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}

const phonePattern = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const idNumberPattern = /(?<![0-9Xx])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9Xx])/g;

/** Masks mobile and resident ID numbers inside free text (letters to be published, log lines). */
export function maskPersonalText(text: string): string {
  return text.replace(idNumberPattern, (_match, head: string, tail: string) => `${head}**********${tail}`).replace(phonePattern, (_match, head: string, _middle: string, tail: string) => `${head}****${tail}`);
}
