import {
  commonGivenNames,
  commonWords,
  compoundSurnames,
  leadingCues,
  leftBoundaryWords,
  notInGivenName,
  placeNames,
  plateProvinces,
  rightBoundaryWords,
  singleSurnames,
  trailingCues,
} from './publish-lexicon';

/**
 * What a published letter (信件选登) may show. Structured identifiers are masked wherever they
 * appear: mobile numbers with any separators or full-width digits (138****5678), landlines
 * (0571-****4321), ID numbers (18 digits with X, 15 legacy: 3301**********1234), bank cards,
 * e-mail addresses, licence plates (浙A*****), and addresses down to the door number
 * (滨江路**号**幢**单元**室, the road or estate stays so the letter keeps its sense).
 *
 * Names are found next to a cue (我叫王小明, 联系人：李四, 王小明同志, 尊敬的欧阳晓明女士：),
 * plus any name the caller knows (the resident's registered name), then EVERY occurrence of each
 * name is masked in the title, the body and the reply alike, keeping the surname (王**, 欧阳**);
 * a two-character given name used alone (小明) is masked too unless it is an ordinary word.
 */

export type PublicationText = { title: string; body: string; reply: string | null };
export type MaskedPublication = PublicationText & { names: string[] };

const cjk = /^[\u4e00-\u9fa5]$/;
const isCjk = (char: string | undefined): boolean => char !== undefined && cjk.test(char);

// ─── structured identifiers ───

const toHalfWidth = (text: string): string =>
  text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/[－—–‐]/g, (dash) => (dash === '—' ? dash : '-'));

/** Invisible format characters that split a number without showing (138\u200b5761\u200b0002). */
const formatChars = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;
const chineseDigits: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** Seven or more digits spelt one by one in Chinese (一三八五七六一零零零二) are a number, not prose. */
const chineseDigitRun = /[零〇一幺二两三四五六七八九]{7,}/g;

/** The text as the masking reads it: format characters gone, digits half-width and Arabic. */
export const normaliseForMasking = (text: string): string =>
  toHalfWidth(text.replace(formatChars, '')).replace(chineseDigitRun, (run) => [...run].map((char) => chineseDigits[char] ?? char).join(''));

const sep = '[\\s\\u3000\\-－.·]';
const stars = (count: number): string => '*'.repeat(Math.max(1, count));
/** 3301**********1234: the first and last four digits stay, `hidden` stars between. */
const keepEnds = (match: string, hidden: number): string => {
  const digits = match.replace(/[\s\u3000]/g, '');
  return `${digits.slice(0, 4)}${stars(hidden)}${digits.slice(-4)}`;
};

const idNumber18 = /(?<![\dA-Za-z])[1-9]\d{5}[\s\u3000]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[\s\u3000]?\d{3}[\dXx](?![\dA-Za-z])/g;
const looseIdNumber18 = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const idNumber15 = /(?<!\d)[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/g;
const bankCard = /(?<!\d)(\d{4})\d{8,11}(\d{4})(?!\d)/g;
const mobile = new RegExp(`(?<!\\d)((?:\\+?86${sep}*)?)(1${sep}?[3-9]${sep}?\\d)((?:${sep}?\\d){4})((?:${sep}?\\d){4})(?!\\d)`, 'g');
const landline = new RegExp(`(?<!\\d)[（(]?(0\\d{2,3})[）)]?${sep}?(\\d{3,4}${sep}?\\d{4})(?!\\d)`, 'g');
const email = /(?<![\w.%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
/** A mobile already half-masked the old way (138****0002): the last four are what the letter lookup asks for. */
const halfMaskedMobile = /(?<!\d)(1[3-9]\d)\*{4}\d{4}(?!\d)/g;
/** QQ号123456789, QQ：12345678. */
const qqNumber = /(?<![A-Za-z])((?:QQ|扣扣)(?:号码|号)?[:：\s\u3000]*)[1-9]\d{4,11}(?!\d)/gi;
/** 微信号lf_2026, 微信：abc123 (a WeChat id is 6–20 letters, digits, _ or -). */
const wechatId = /(?<![A-Za-z])((?:微信|weixin|wechat|vx|wx|v信)(?:号码|号|账号|id)?[:：\s\u3000]*)[A-Za-z0-9][-_A-Za-z0-9]{4,19}(?![-_A-Za-z0-9])/gi;
/** The mailbox's own tracking code (查询码, submit-letter.ts newTrackingCode: QJ + 8): with the last four phone digits it opens the letter. */
const trackingCode = /(?<![A-Za-z0-9])QJ[A-Za-z0-9]{8}(?![A-Za-z0-9])/gi;
const plate = new RegExp(`([${plateProvinces}])([A-HJ-NP-Za-hj-np-z])[\\s·•.-]?([A-HJ-NP-Za-hj-np-z0-9]{5,6})(?![A-Za-z0-9])`, 'g');

const number = '\\d+(?:-\\d+)?';
const addressUnit = `${number}(?:号楼|号院|号|栋|幢|座|单元|层|楼|室|弄)`;
const addressChain = new RegExp(`(?:${addressUnit})+(?!线|文|令|公交|地块)`, 'g');
const unmistakableUnit = /单元|室/;
const roadEnds = /[路街巷弄道里村]$/;

function maskAddressChain(chain: string, before: string): string {
  const units = chain.match(new RegExp(addressUnit, 'g')) ?? [];
  const anchored = roadEnds.test(before) && /^(号|弄|号院|号楼)$/.test(units[0]?.replace(/^[\d-]+/, '') ?? '');
  if (!anchored && units.length < 2 && !unmistakableUnit.test(chain)) return chain;
  return chain.replace(/\d+(?:-\d+)?/g, '**');
}

/** Masks everything in the text that identifies a person by number, address or plate. */
export function maskIdentifiers(text: string): string {
  return normaliseForMasking(text)
    .replace(trackingCode, 'QJ********')
    .replace(qqNumber, (_m, cue: string) => `${cue}******`)
    .replace(wechatId, (_m, cue: string) => `${cue}******`)
    .replace(halfMaskedMobile, (_m, head: string) => `${head}********`)
    .replace(idNumber18, (match: string) => keepEnds(match, 10))
    .replace(looseIdNumber18, (match: string) => keepEnds(match, 10))
    .replace(idNumber15, (match: string) => keepEnds(match, 7))
    .replace(bankCard, (match: string, head: string, tail: string) => `${head}${stars(match.length - 8)}${tail}`)
    .replace(mobile, (_m, prefix: string, head: string) => `${prefix}${head.replace(/\D/g, '')}********`)
    .replace(landline, (_m, area: string, local: string) => {
      const digits = local.replace(/\D/g, '');
      return `${area}-${stars(digits.length - 4)}${digits.slice(-4)}`;
    })
    .replace(email, (_m, first: string, domain: string) => `${first}***@${domain}`)
    .replace(plate, (match: string, province: string, letter: string, tail: string) => (/\d.*\d.*\d/.test(tail) ? `${province}${letter.toUpperCase()}${stars(tail.length)}` : match))
    .replace(addressChain, (chain: string, offset: number, whole: string) => maskAddressChain(chain, whole.slice(Math.max(0, offset - 1), offset)));
}

// ─── names ───

const surnameAt = (text: string, index: number): string | null => {
  const compound = compoundSurnames.find((surname) => text.startsWith(surname, index));
  if (compound) return compound;
  const single = text[index];
  return single !== undefined && singleSurnames.has(single) ? single : null;
};

/** A plausible full name: surname + one or two given-name chars, not a place or an ordinary word. */
function isPlausibleName(text: string, start: number, length: number): boolean {
  const surname = surnameAt(text, start);
  if (!surname) return false;
  const candidate = text.slice(start, start + length);
  const given = [...candidate.slice(surname.length)];
  if (given.length < 1 || given.length > 2 || [...candidate].length !== length) return false;
  if (!given.every((char) => isCjk(char) && !notInGivenName.has(char))) return false;
  if (commonWords.has(candidate) || commonWords.has(candidate.slice(0, 2)) || commonWords.has(given.join('')) || trailingCues.includes(given.join(''))) return false;
  return !placeNames.some((place) => text.startsWith(place, start) || place.startsWith(candidate));
}

const endsWithAny = (text: string, words: readonly string[]): boolean => words.some((word) => text.endsWith(word));
const startsWithAny = (text: string, words: readonly string[]): boolean => words.some((word) => text.startsWith(word));

function isRightBoundary(text: string, index: number): boolean {
  const next = text[index];
  if (next === undefined || !isCjk(next)) return true;
  return startsWithAny(text.slice(index), rightBoundaryWords);
}

function isLeftBoundary(text: string, index: number): boolean {
  const before = text[index - 1];
  if (before === undefined || !isCjk(before)) return true;
  return endsWithAny(text.slice(Math.max(0, index - 4), index), leftBoundaryWords);
}

/** The name right after a cue: the longest plausible one that ends at a boundary. */
function nameAfter(text: string, start: number): string | null {
  for (const length of [4, 3, 2]) {
    if (isPlausibleName(text, start, length) && isRightBoundary(text, start + length)) return text.slice(start, start + length);
  }
  return null;
}

/**
 * The name right before a trailing cue. A start after punctuation or a boundary word (感谢, 尊敬的 …)
 * wins; then one after a char that cannot be a surname (社区王小明同志). So 感谢张明同志 is 张明,
 * not 谢张明.
 */
function nameBefore(text: string, end: number): string | null {
  const lengths = [4, 3, 2];
  const fits = (length: number, isLeft: (start: number) => boolean): boolean => {
    const start = end - length;
    return start >= 0 && isPlausibleName(text, start, length) && isLeft(start);
  };
  // 感谢司机: a boundary word ending inside the candidate means the name starts later.
  const afterNonSurname = (start: number): boolean =>
    surnameAt(text, start - 1) === null && !(start >= 2 && compoundSurnames.some((surname) => text.startsWith(surname, start - 2))) && !endsWithAny(text.slice(Math.max(0, start - 3), start + 1), leftBoundaryWords.filter((word) => word.length > 1));
  const length = lengths.find((n) => fits(n, (start) => isLeftBoundary(text, start))) ?? lengths.find((n) => fits(n, afterNonSurname));
  return length === undefined ? null : text.slice(end - length, end);
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const leadingCuePattern = new RegExp(`(?:${[...leadingCues].sort((a, b) => b.length - a.length).map(escape).join('|')})[:：\\s\\u3000！!，,。]*`, 'g');
const trailingCuePattern = new RegExp(`(?:${[...trailingCues].map(escape).join('|')})|[:：，,]\\s*(?:您好|你好)`, 'g');

const selfIntroduction = /我是([^，,。！!？?；;：:、\s]{1,24})/g;

/** Every full name the text introduces with a cue. */
export function detectNames(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(leadingCuePattern)) {
    const name = nameAfter(text, (match.index ?? 0) + match[0].length);
    if (name) found.add(name);
  }
  // 我是住在江南区的王小明: a name right after any 的 of the same clause (nameAfter wants a boundary after it).
  for (const match of text.matchAll(selfIntroduction)) {
    const start = (match.index ?? 0) + 2;
    for (let index = start; index < start + match[1]!.length; index += 1) {
      if (text[index] !== '的') continue;
      const name = nameAfter(text, index + 1);
      if (name) found.add(name);
    }
  }
  for (const match of text.matchAll(trailingCuePattern)) {
    const name = nameBefore(text, match.index ?? 0);
    if (name) found.add(name);
  }
  return [...found];
}

const surnameOf = (name: string): string => compoundSurnames.find((surname) => name.startsWith(surname) && name.length > surname.length) ?? name.slice(0, 1);

/** 王小明 → 王**, 欧阳晓明 → 欧阳**: the surname stays, the length of the given name does not show. */
export const maskFullName = (name: string): string => `${surnameOf(name)}**`;

function maskNames(text: string, names: readonly string[]): string {
  let masked = text;
  for (const name of [...names].sort((a, b) => b.length - a.length)) masked = masked.split(name).join(maskFullName(name));
  const givenNames = names
    .map((name) => name.slice(surnameOf(name).length))
    .filter((given) => given.length === 2 && !commonGivenNames.has(given) && !commonWords.has(given));
  for (const given of [...new Set(givenNames)]) masked = masked.split(given).join('**');
  return masked;
}

const registeredName = /^[\u4e00-\u9fa5]{2,4}$/;
const asKnownNames = (knownNames: readonly string[]): string[] => knownNames.map((name) => name.trim()).filter((name) => registeredName.test(name) && surnameAt(name, 0) !== null);

/**
 * Masks several texts of one letter together (title, body, supplements, replies …): the names any
 * of them reveals, or the caller knows, are masked in all of them. Used when a writer's account is
 * deleted and the letter is kept anonymously.
 */
export function maskLetterTexts(texts: readonly (string | null)[], knownNames: readonly string[] = []): (string | null)[] {
  const identified = texts.map((text) => (text === null ? null : maskIdentifiers(text)));
  const names = [...new Set([...asKnownNames(knownNames), ...identified.flatMap((text) => (text === null ? [] : detectNames(text)))])];
  return identified.map((text) => (text === null ? null : maskNames(text, names)));
}

/**
 * The public copy of a letter: identifiers masked in each text, names found anywhere (or known,
 * e.g. the resident's registered name) masked everywhere.
 */
export function maskLetterForPublication(source: PublicationText, knownNames: readonly string[] = []): MaskedPublication {
  const title = maskIdentifiers(source.title);
  const body = maskIdentifiers(source.body);
  const reply = source.reply === null ? null : maskIdentifiers(source.reply);
  const known = asKnownNames(knownNames);
  const names = [...new Set([...known, ...[title, body, reply ?? ''].flatMap(detectNames)])];
  return { title: maskNames(title, names), body: maskNames(body, names), reply: reply === null ? null : maskNames(reply, names), names };
}

/**
 * What is still personal in a text the office wrote for publication: unmasked identifiers, or one
 * of the names the letter's own texts reveal. Empty when the text is safe to publish.
 */
export function remainingPersonalData(text: string, names: readonly string[]): string[] {
  const problems: string[] = [];
  const normal = normaliseForMasking(text);
  if (maskIdentifiers(text) !== normal) problems.push('电话、QQ号、微信号、查询码、身份证号、车牌或门牌号');
  const shown = names.filter((name) => normal.includes(name));
  if (shown.length > 0) problems.push('姓名');
  return problems;
}
