import { pinyin } from 'pinyin-pro';

/**
 * Pinyin forms of a Chinese text, one syllable per character, so that a match in the pinyin
 * string can be mapped back to the characters it covers (for highlighting): "护照" → full "huzhao",
 * initials "hz", and the offsets of each character's syllable.
 */
export type PinyinKeys = { full: string; initials: string; charStarts: number[] };

const hanPattern = /\p{Script=Han}/u;

export function pinyinKeys(text: string): PinyinKeys {
  const chars = [...text];
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  // pinyin-pro yields one entry per Han character and groups other runs; walk both together.
  const perChar: string[] = [];
  let syllableIndex = 0;
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index] ?? '';
    if (hanPattern.test(char)) {
      perChar.push((syllables[syllableIndex] ?? '').toLowerCase());
      syllableIndex += 1;
    } else {
      let run = char;
      while (index + 1 < chars.length && !hanPattern.test(chars[index + 1] ?? '')) {
        index += 1;
        run += chars[index] ?? '';
      }
      syllableIndex += 1;
      for (const runChar of run) perChar.push(runChar.toLowerCase().replace(/[^a-z0-9]/g, ''));
    }
  }
  const charStarts: number[] = [];
  let full = '';
  for (const syllable of perChar) {
    charStarts.push(full.length);
    full += syllable;
  }
  return { full, initials: perChar.map((syllable) => syllable.charAt(0)).join(''), charStarts };
}

/** Which characters a match at [start, start+length) of the full pinyin covers. */
export function charsCoveredByPinyin(keys: PinyinKeys, start: number, length: number): [number, number] {
  const end = start + length;
  let first = -1;
  let last = -1;
  keys.charStarts.forEach((charStart, index) => {
    const charEnd = keys.charStarts[index + 1] ?? keys.full.length;
    if (charEnd > start && charStart < end) {
      if (first === -1) first = index;
      last = index;
    }
  });
  return [first, last + 1];
}
