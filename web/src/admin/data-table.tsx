import { useId, type ReactNode } from 'react';

interface DataTableProps {
  caption: string;
  /** Keep the caption for assistive technology only (a heading above already says it). */
  hideCaption?: boolean;
  busy?: boolean;
  children: ReactNode;
}

/**
 * A table in a horizontally scrolling region: on a phone the columns scroll inside it instead of widening the page,
 * and the region is focusable and named by the caption so keyboard users can scroll it too.
 */
export function DataTable({ caption, hideCaption = false, busy = false, children }: DataTableProps) {
  const id = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data-table" aria-busy={busy || undefined}>
        <caption id={id} className={hideCaption ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
