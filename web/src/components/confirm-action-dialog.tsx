import { ConfirmDialog, type ConfirmDialogProps } from './dialog';
import { ErrorNotice } from './notice';
import type { ConfirmAction } from './use-confirm-action';

type ConfirmActionDialogProps<T> = Omit<ConfirmDialogProps, 'open' | 'busy' | 'onConfirm' | 'onCancel'> & { action: ConfirmAction<T> };

/** The confirmation of a `useConfirmAction`: open while it has a target, busy while it runs, and its failure inside (a failure of `run` is the page's to show). */
export function ConfirmActionDialog<T>({ action, children, ...dialog }: ConfirmActionDialogProps<T>) {
  const open = action.target !== null;
  return (
    <ConfirmDialog {...dialog} open={open} busy={action.busy} onConfirm={action.confirm} onCancel={action.cancel}>
      {children}
      {open && action.error ? <ErrorNotice message={action.error} /> : null}
    </ConfirmDialog>
  );
}
