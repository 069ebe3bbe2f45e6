import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Opens and closes a native <dialog> in modal mode with `open` (the rest of the page goes inert), and gives focus back
 * to whatever had it before, or to the page heading when that is gone. `initialFocus` gets focus when it opens.
 */
export function useModalDialog(open: boolean, initialFocus: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement;
      element.showModal();
      initialFocus.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open, initialFocus]);

  useEffect(() => {
    if (open) return;
    const previous = opener.current;
    opener.current = null;
    if (previous instanceof HTMLElement && previous.isConnected) {
      previous.focus();
      return;
    }
    // What opened it is gone (the deleted row's button): the page heading is the next sensible place.
    const heading = document.querySelector<HTMLElement>('main h1');
    if (previous && heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [open]);

  return dialog;
}

/** A dialog's keydown handler that keeps Tab cycling inside it: a modal dialog still lets Tab leave for the browser's own controls. */
export function keepTabInside(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled), a[href], input:not(:disabled), select, textarea')];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal confirmation: the native <dialog> in modal mode makes the rest of the page inert (so Tab stays inside),
 * Escape cancels, the safe choice gets focus first, and focus goes back to whatever opened it when it closes.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, busy = false, danger = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog(open, cancel);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="dialog-title"
      aria-describedby="dialog-body"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onKeyDown={keepTabInside}
    >
      <h2 id="dialog-title">{title}</h2>
      <div id="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className={`button ${danger ? 'danger solid' : 'primary'}`} onClick={onConfirm} disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
