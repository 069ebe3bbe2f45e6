import { useCallback } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { withParams } from './query-string';

/** The history entry's record of the pages before this one: their cursors, '' for the first page. */
interface PagingState {
  trail: string[];
}

function trailOf(state: unknown): string[] {
  const trail = (state as Partial<PagingState> | null)?.trail;
  return Array.isArray(trail) && trail.every((entry) => typeof entry === 'string') ? trail : [];
}

export interface CursorPaging {
  /** The current page's cursor (from `?cursor=`), or null on the first page. */
  cursor: string | null;
  /** 1-based page number when known (a shared link to a later page does not know how it got there). */
  page: number | null;
  /** Goes to the page after this one. */
  next(nextCursor: string): void;
  /** Goes to the page before, when this history entry knows it. */
  previous: (() => void) | null;
  /** Goes back to the first page, when not on it. */
  first: (() => void) | null;
}

/**
 * Cursor paging kept in the address: the cursor is in the query string (so a page can be reloaded, and back and
 * forward move between pages), and each history entry carries the cursors of the pages before it so "Previous" works.
 */
export function useCursorPaging(): CursorPaging {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const cursor = params.get('cursor');
  const trail = trailOf(location.state);
  const known = cursor === null || trail.length > 0;

  const go = useCallback(
    (target: string | null, nextTrail: string[]) => {
      navigate({ search: withParams(location.search, { cursor: target }) }, { state: { trail: nextTrail } satisfies PagingState });
    },
    [navigate, location.search],
  );

  const before = trail.at(-1);
  return {
    cursor,
    page: known ? trail.length + 1 : null,
    next: (nextCursor) => go(nextCursor, [...trail, cursor ?? '']),
    previous: before !== undefined ? () => go(before || null, trail.slice(0, -1)) : null,
    first: cursor !== null ? () => go(null, []) : null,
  };
}
