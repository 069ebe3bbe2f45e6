import type { ReactNode } from 'react';

/** An error shown where it happened, announced at once, with an optional retry. */
export function ErrorNotice({ message, onRetry, children }: { message: string; onRetry?: () => void; children?: ReactNode }) {
  return (
    <div className="notice error" role="alert">
      <p>{message}</p>
      {children}
      {onRetry ? (
        <button type="button" className="button small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** A quiet "loading" line (the live region announces it). */
export function Loading({ label }: { label: string }) {
  return (
    <p className="muted" aria-busy="true">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}
