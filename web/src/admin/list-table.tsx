import { Fragment, type ReactNode } from 'react';
import { DataTable } from './data-table';
import { ListStatus } from './list-status';
import { Pager } from './pager';
import type { ApiGet } from './use-api-get';
import type { CursorPaging } from './use-cursor-paging';

interface ListTableProps<T extends { id: string }> {
  list: ApiGet<{ items: T[]; nextCursor?: string | null }>;
  /** What the list holds, for "The users could not be loaded", "Loading users…". */
  noun: string;
  /** What an empty list says. */
  empty: ReactNode;
  caption: string;
  hideCaption?: boolean;
  /** The column headings, in order. */
  columns: readonly string[];
  /** Adds a last column, its heading for assistive technology only, for each row's buttons. */
  actions?: boolean;
  /** One item's table row. */
  row(item: T): ReactNode;
  /** For a list that comes a page at a time: its paging and the pager's name. */
  pages?: { paging: CursorPaging; label: string };
}

/** A list from the API as the admin pages show it: its status (failed, loading, empty), its table and its pager. */
export function ListTable<T extends { id: string }>({ list, noun, empty, caption, hideCaption, columns, actions = false, row, pages }: ListTableProps<T>) {
  const items = list.data?.items;
  return (
    <>
      <ListStatus list={list} noun={noun} empty={empty} />
      {items && items.length > 0 ? (
        <DataTable caption={caption} hideCaption={hideCaption} busy={list.loading}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
              {actions ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <Fragment key={item.id}>{row(item)}</Fragment>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {pages && list.data ? <Pager paging={pages.paging} nextCursor={list.data.nextCursor ?? null} label={pages.label} /> : null}
    </>
  );
}
