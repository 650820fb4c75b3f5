import { useEffect, useState } from 'react';
import { searchGuides, type GuideSearchHit } from '@/services/guide-service';
import { usePagedList, type PagedList } from './use-paged-list';

export type GuideSearch = {
  query: string;
  setQuery: (query: string) => void;
  /** The query the results belong to (the typed text, once typing pauses). */
  searchedQuery: string;
  /** Searches now, without waiting for the pause (the keyboard's search key). */
  submit: () => void;
  results: PagedList<GuideSearchHit>;
};

const debounceMs = 300;
const pageSize = 20;
/** The BFF rejects longer queries (guideSearchQuerySchema). */
const maxQueryLength = 64;

/** Search as you type: Chinese text, pinyin or initials; the BFF ranks and highlights. */
export function useGuideSearch(initialQuery: string): GuideSearch {
  const [query, setQuery] = useState(initialQuery);
  const [searchedQuery, setSearchedQuery] = useState(normalise(initialQuery));

  useEffect(() => {
    const timer = setTimeout(() => setSearchedQuery(normalise(query)), debounceMs);
    return () => clearTimeout(timer);
  }, [query]);

  const results = usePagedList(searchedQuery === '' ? null : `search:${searchedQuery}`, (page) => searchGuides({ query: searchedQuery, page, pageSize }));

  return { query, setQuery, searchedQuery, submit: () => setSearchedQuery(normalise(query)), results };
}

function normalise(query: string): string {
  return query.trim().slice(0, maxQueryLength);
}

/** Offered before anything is typed; the last two show that pinyin and initials work too. */
export const searchSuggestions: readonly string[] = ['护照', '社保卡', '结婚登记', '公积金提取', 'shenfenzheng', 'hz'];
