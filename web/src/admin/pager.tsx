import type { CursorPaging } from './use-cursor-paging';

/** Previous / next page buttons under a paged table, with the page number when it is known. */
export function Pager({ paging, nextCursor, label }: { paging: CursorPaging; nextCursor: string | null; label: string }) {
  if (!paging.previous && !paging.first && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={label}>
      {paging.previous ? (
        <button type="button" className="button small" onClick={paging.previous}>
          Previous page
        </button>
      ) : paging.first ? (
        <button type="button" className="button small" onClick={paging.first}>
          First page
        </button>
      ) : null}
      {paging.page !== null ? <span className="muted">Page {paging.page}</span> : null}
      {nextCursor ? (
        <button type="button" className="button small" onClick={() => paging.next(nextCursor)}>
          Next page
        </button>
      ) : null}
    </nav>
  );
}
