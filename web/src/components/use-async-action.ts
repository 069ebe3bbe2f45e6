import { useCallback, useState } from 'react';
import { messageOf } from '../api/problem';

/** An async action's state: whether it is running and, after it failed, the reason in words. */
export interface AsyncAction {
  busy: boolean;
  error: string | null;
  /** Runs `task`, clearing the last failure first; a failure is kept in `error` rather than thrown. */
  run(task: () => Promise<void>): Promise<void>;
  setError(error: string | null): void;
}

/** The busy flag and error message of a button's API call, so each call site keeps only the call itself. */
export function useAsyncAction(): AsyncAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, run, setError };
}
