import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { withFilters } from './query-string';

/** How long typing must pause before the search runs. */
export const SEARCH_DELAY_MS = 300;

interface SearchBoxProps {
  label: string;
  hint?: string;
  /** The query-string parameter holding the search. */
  param?: string;
  delayMs?: number;
}

/**
 * A search field whose committed value lives in the address (`?q=`): it searches once typing pauses (or at once on
 * Enter), each search is a history entry so back and forward step through them, and the field follows the address.
 */
export function SearchBox({ label, hint, param = 'q', delayMs = SEARCH_DELAY_MS }: SearchBoxProps) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const committed = params.get(param) ?? '';
  const [text, setText] = useState(committed);
  const id = useId();

  // Back or forward changed the address: show its search, but leave alone text that differs only by spaces being typed.
  useEffect(() => setText((old) => (old.trim() === committed ? old : committed)), [committed]);

  useEffect(() => {
    if (text.trim() === committed) return;
    const timer = window.setTimeout(() => navigate({ search: withFilters(location.search, { [param]: text.trim() }) }), delayMs);
    return () => window.clearTimeout(timer);
  }, [text, committed, delayMs, navigate, location.search, param]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() !== committed) navigate({ search: withFilters(location.search, { [param]: text.trim() }) });
  }

  return (
    <form role="search" className="field search-box" onSubmit={onSubmit}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
    </form>
  );
}
