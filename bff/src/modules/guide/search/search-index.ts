import MiniSearch from 'minisearch';
import { createGramIndex } from './gram-index';
import { topK } from './top-k';
import { charsCoveredByPinyin, pinyinKeys, type PinyinKeys } from './pinyin-keys';

/**
 * The in-process guide search: Chinese text, full pinyin ("yingye" → 营业执照) and initials
 * ("hz" → 护照), ranked exact name > name prefix > name contains > keyword > content, then by
 * popularity. A pinyin typo ("yinye") falls back to MiniSearch's fuzzy match over syllables.
 * Rebuilt from the database whenever the guide catalogue version moves (see guide-search.ts).
 */
export type GuideSearchDoc = {
  code: string;
  name: string;
  departmentName: string;
  keywords: string[];
  /** Material names, conditions and the like: matched last. */
  content: string[];
  viewCount: number;
};

export type HighlightSegment = { text: string; isMatch: boolean };
export type SearchHit = { code: string; tier: number; highlight: HighlightSegment[] };
export type SearchResult = { total: number; hits: SearchHit[] };

export const matchTiers = { EXACT: 7, PREFIX: 6, EXACT_KEYWORD: 5, NAME: 4, KEYWORD: 3, CONTENT: 2, FUZZY: 1 } as const;

type IndexedDoc = {
  doc: GuideSearchDoc;
  name: string;
  namePinyin: PinyinKeys;
  keywords: string[];
  keywordPinyin: PinyinKeys[];
  /** Keywords and their pinyin joined, to rule a guide out with one scan. */
  keywordText: string;
  content: string;
};

type Match = Omit<SearchHit, 'code'>;


const latinQuery = /^[a-z0-9]+$/;

export function normaliseQuery(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/[\s'’·]+/g, '').slice(0, 64);
}

function highlightRange(name: string, start: number, end: number): HighlightSegment[] {
  const chars = [...name];
  return [
    { text: chars.slice(0, start).join(''), isMatch: false },
    { text: chars.slice(start, end).join(''), isMatch: true },
    { text: chars.slice(end).join(''), isMatch: false },
  ].filter((segment) => segment.text.length > 0);
}

const plain = (name: string): HighlightSegment[] => [{ text: name, isMatch: false }];

/** Where the query falls in the item's name, if it does: tier and the characters to highlight. */
function matchName(entry: IndexedDoc, query: string, isLatin: boolean): Match | null {
  const whole = [...entry.doc.name].length;
  if (!isLatin) {
    const at = entry.name.indexOf(query);
    if (at < 0) return null;
    const start = [...entry.name.slice(0, at)].length;
    const tier = entry.name === query ? matchTiers.EXACT : at === 0 ? matchTiers.PREFIX : matchTiers.NAME;
    return { tier, highlight: highlightRange(entry.doc.name, start, start + [...query].length) };
  }
  const { full, initials } = entry.namePinyin;
  if (full === query || initials === query) return { tier: matchTiers.EXACT, highlight: highlightRange(entry.doc.name, 0, whole) };
  const initialsAt = initials.indexOf(query);
  if (initialsAt >= 0) {
    return { tier: initialsAt === 0 ? matchTiers.PREFIX : matchTiers.NAME, highlight: highlightRange(entry.doc.name, initialsAt, initialsAt + query.length) };
  }
  const fullAt = full.indexOf(query);
  if (fullAt >= 0) {
    const [start, end] = charsCoveredByPinyin(entry.namePinyin, fullAt, query.length);
    return { tier: fullAt === 0 ? matchTiers.PREFIX : matchTiers.NAME, highlight: highlightRange(entry.doc.name, start, end) };
  }
  return null;
}

/** Keywords are the synonyms residents actually type: an exact one ranks just below a name prefix. */
function keywordTier(entry: IndexedDoc, query: string, isLatin: boolean): number {
  if (!entry.keywordText.includes(query)) return 0;
  if (!isLatin) {
    if (entry.keywords.includes(query)) return matchTiers.EXACT_KEYWORD;
    return entry.keywords.some((keyword) => keyword.includes(query)) ? matchTiers.KEYWORD : 0;
  }
  if (entry.keywordPinyin.some((keys) => keys.full === query || keys.initials === query)) return matchTiers.EXACT_KEYWORD;
  const isLongEnough = query.length >= 4;
  const matches = entry.keywordPinyin.some((keys) => keys.initials.startsWith(query) || keys.full.startsWith(query) || (isLongEnough && keys.full.includes(query)));
  return matches || entry.keywords.some((keyword) => keyword.includes(query)) ? matchTiers.KEYWORD : 0;
}

/** The best tier the query reaches in this guide, 0 for none (highlights are worked out later, for one page only). */
function matchTier(entry: IndexedDoc, query: string, isLatin: boolean): number {
  const byName = matchName(entry, query, isLatin)?.tier ?? 0;
  if (byName >= matchTiers.PREFIX) return byName;
  const byKeyword = keywordTier(entry, query, isLatin);
  if (byName > 0 || byKeyword > 0) return Math.max(byName, byKeyword);
  return entry.content.includes(query) ? matchTiers.CONTENT : 0;
}

export type GuideSearchIndex = { size: number; search: (query: string, options?: { limit?: number; offset?: number }) => SearchResult };

export function createGuideSearchIndex(docs: GuideSearchDoc[]): GuideSearchIndex {
  const entries: IndexedDoc[] = docs.map((doc) => ({
    doc,
    name: doc.name.toLowerCase(),
    namePinyin: pinyinKeys(doc.name),
    keywords: doc.keywords.map((keyword) => keyword.toLowerCase()),
    keywordPinyin: doc.keywords.map(pinyinKeys),
    keywordText: '',
    content: [doc.departmentName, ...doc.content].join(' ').toLowerCase(),
  }));
  for (const entry of entries) {
    entry.keywordText = [...entry.keywords, ...entry.keywordPinyin.flatMap((keys) => [keys.full, keys.initials])].join('\u0001');
  }
  const indexByCode = new Map(entries.map((entry, index) => [entry.doc.code, index]));
  const grams = createGramIndex(entries.length, (index) => {
    const entry = entries[index];
    if (!entry) return [];
    return [entry.name, ...entry.keywords, entry.content, entry.namePinyin.full, entry.namePinyin.initials, ...entry.keywordPinyin.flatMap((keys) => [keys.full, keys.initials])];
  });
  // Typo tolerance for pinyin: syllable strings of names and keywords, matched fuzzily.
  const fuzzy = new MiniSearch<{ id: string; pinyin: string }>({ fields: ['pinyin'], storeFields: [], searchOptions: { fuzzy: 0.25, prefix: true } });
  fuzzy.addAll(entries.map((entry) => ({ id: entry.doc.code, pinyin: [entry.namePinyin.full, ...entry.keywordPinyin.map((keys) => keys.full)].join(' ') })));

  return {
    size: entries.length,
    search: (rawQuery, { limit = 20, offset = 0 } = {}) => {
      const query = normaliseQuery(rawQuery);
      if (!query) return { total: 0, hits: [] };
      const isLatin = latinQuery.test(query);
      // One bucket of document indexes per tier; only the buckets a page reaches get ordered.
      const buckets: number[][] = Array.from({ length: matchTiers.EXACT + 1 }, () => []);
      let total = 0;
      for (const index of grams.candidates(query) ?? []) {
        const entry = entries[index];
        const tier = entry ? matchTier(entry, query, isLatin) : 0;
        if (tier > 0) {
          buckets[tier]?.push(index);
          total += 1;
        }
      }
      if (total === 0 && isLatin && query.length >= 3) {
        for (const result of fuzzy.search(query)) {
          const index = indexByCode.get(String(result.id));
          if (index !== undefined) {
            buckets[matchTiers.FUZZY]?.push(index);
            total += 1;
          }
        }
      }
      const wanted = offset + limit;
      const ranked: Array<{ index: number; tier: number }> = [];
      // Popularity first, then catalogue order: a score that sorts both at once.
      const score = (index: number): number => (entries[index]?.doc.viewCount ?? 0) * 1_000_000 - index;
      for (let tier = matchTiers.EXACT; tier > 0 && ranked.length < wanted; tier -= 1) {
        for (const index of topK(buckets[tier] ?? [], wanted - ranked.length, score)) ranked.push({ index, tier });
      }
      return {
        total,
        hits: ranked.slice(offset, wanted).flatMap((hit) => {
          const entry = entries[hit.index];
          if (!entry) return [];
          const highlight = hit.tier === matchTiers.FUZZY ? null : matchName(entry, query, isLatin)?.highlight;
          return [{ code: entry.doc.code, tier: hit.tier, highlight: highlight ?? plain(entry.doc.name) }];
        }),
      };
    },
  };
}
