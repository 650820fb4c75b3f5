import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Mint } from 'mint-filter';

/**
 * The local sensitive-word filter: an Aho–Corasick automaton (mint-filter) over the maintained word
 * lists beside this file. It runs before WeChat's check and whenever WeChat cannot be reached, so
 * nothing is ever stored unchecked. Text is normalised first, so "赌 博", "赌-博" and full-width
 * forms match too.
 */
export type WordFilterResult = { blocked: string[]; review: string[] };

export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}_]+/gu, '');
}

export function readWordList(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map(normaliseForMatching);
}

export type WordFilter = { check: (text: string) => WordFilterResult };

export function createWordFilter(lists: { blocked: string[]; review: string[] }): WordFilter {
  const blocked = new Mint(lists.blocked);
  const review = new Mint(lists.review);
  return {
    check: (text) => {
      const normalised = normaliseForMatching(text);
      return { blocked: blocked.filter(normalised).words, review: review.filter(normalised).words };
    },
  };
}

let defaultFilter: WordFilter | undefined;

export function loadDefaultWordFilter(): WordFilter {
  defaultFilter ??= createWordFilter({
    blocked: readWordList(path.join(__dirname, 'words-blocked.txt')),
    review: readWordList(path.join(__dirname, 'words-review.txt')),
  });
  return defaultFilter;
}
