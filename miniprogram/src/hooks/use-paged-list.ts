import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '@/services/error-message';

export type PageOf<T> = { items: T[]; total: number };

export type PagedList<T> = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: T[];
  total: number;
  hasMore: boolean;
  isLoadingMore: boolean;
  /** Chinese message of the last failure (first page or a later one). */
  errorMessage: string | null;
  loadMore: () => void;
  /** Starts again from the first page. */
  reload: () => void;
};

type ListState<T> = { status: PagedList<T>['status']; items: T[]; total: number; page: number; isLoadingMore: boolean; errorMessage: string | null };

function emptyList<T>(status: ListState<T>['status'], errorMessage: string | null = null): ListState<T> {
  return { status, items: [], total: 0, page: 0, isLoadingMore: false, errorMessage };
}

/**
 * A list read page by page ("加载更多" and reach-bottom). `key` names the query: a new key starts
 * over from page 1 and drops answers still on their way for the old one; null shows nothing.
 */
export function usePagedList<T>(key: string | null, loadPage: (page: number) => Promise<PageOf<T>>): PagedList<T> {
  const [state, setState] = useState<ListState<T>>(() => emptyList('idle'));
  const latestLoad = useRef(loadPage);
  latestLoad.current = loadPage;
  const generation = useRef(0);
  const inFlight = useRef(false);

  const fetchPage = useCallback((page: number) => {
    const current = generation.current;
    inFlight.current = true;
    latestLoad.current(page).then(
      ({ items, total }) => {
        if (current !== generation.current) return;
        inFlight.current = false;
        setState((previous) => ({
          status: 'ready',
          items: page === 1 ? items : [...previous.items, ...items],
          total,
          page,
          isLoadingMore: false,
          errorMessage: null,
        }));
      },
      (error: unknown) => {
        if (current !== generation.current) return;
        inFlight.current = false;
        const errorMessage = describeError(error);
        // A failed first page is the page's error; a failed later page keeps what is shown.
        setState((previous) => (page === 1 ? emptyList<T>('error', errorMessage) : { ...previous, isLoadingMore: false, errorMessage }));
      },
    );
  }, []);

  const start = useCallback(() => {
    generation.current += 1;
    inFlight.current = false;
    if (key === null) {
      setState(emptyList('idle'));
      return;
    }
    setState(emptyList('loading'));
    fetchPage(1);
  }, [key, fetchPage]);

  useEffect(start, [start]);

  const hasMore = state.status === 'ready' && state.items.length < state.total;

  const loadMore = useCallback(() => {
    if (!hasMore || inFlight.current) return;
    setState((previous) => ({ ...previous, isLoadingMore: true, errorMessage: null }));
    fetchPage(state.page + 1);
  }, [hasMore, state.page, fetchPage]);

  return {
    status: state.status,
    items: state.items,
    total: state.total,
    hasMore,
    isLoadingMore: state.isLoadingMore,
    errorMessage: state.errorMessage,
    loadMore,
    reload: start,
  };
}
