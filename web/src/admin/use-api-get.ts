import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';

export interface ApiGet<T> {
  /** The last answer; kept while the next one loads so a table does not flash empty between pages. */
  data: T | null;
  /** Whether `data` answers the current path (false while a new search or page loads). */
  fresh: boolean;
  error: string | null;
  loading: boolean;
  reload(): void;
  /** Replaces the shown answer, e.g. with what a change returned. */
  setData(data: T): void;
}

/** GETs `path` from the API whenever it changes (an older answer arriving late is dropped); null asks nothing. */
export function useApiGet<T>(path: string | null): ApiGet<T> {
  const [answer, setAnswer] = useState<{ path: string | null; data: T } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api
      .get<T>(path, { signal: controller.signal })
      .then((data) => {
        setAnswer({ path, data });
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(messageOf(failure));
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, version]);

  const reload = useCallback(() => setVersion((old) => old + 1), []);
  const setData = useCallback((data: T) => setAnswer((old) => ({ path: old?.path ?? null, data })), []);
  return { data: answer?.data ?? null, fresh: answer !== null && answer.path === path && !loading, error, loading, reload, setData };
}
