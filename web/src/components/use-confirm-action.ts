import { useState } from 'react';
import { useAsyncAction } from './use-async-action';

/** An action on one thing (a row, a change) that asks before it runs; see `ConfirmActionDialog`. */
export interface ConfirmAction<T> {
  /** What the action is asked for, while the confirmation is open. */
  target: T | null;
  busy: boolean;
  error: string | null;
  /** Opens the confirmation for `target`, dropping an earlier failure. */
  ask(target: T): void;
  /** Runs the action on the asked target: the confirmation closes when it succeeds and shows why when it fails. */
  confirm(): void;
  cancel(): void;
  /** Runs the action on `target` at once, for the choice that needs no confirmation (enabling what disabling asks about). */
  run(target: T): void;
}

/** The state of a confirmed action: its target, whether it runs and why it failed. */
export function useConfirmAction<T>(act: (target: T) => Promise<void>): ConfirmAction<T> {
  const [target, setTarget] = useState<T | null>(null);
  const action = useAsyncAction();

  return {
    target,
    busy: action.busy,
    error: action.error,
    ask(next) {
      action.setError(null);
      setTarget(next);
    },
    confirm() {
      if (target === null) return;
      void action.run(async () => {
        await act(target);
        setTarget(null);
      });
    },
    cancel() {
      setTarget(null);
      action.setError(null);
    },
    run(now) {
      void action.run(() => act(now));
    },
  };
}
