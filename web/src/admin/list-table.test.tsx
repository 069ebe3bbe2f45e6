// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ListTable } from './list-table';
import type { ApiGet } from './use-api-get';
import { useCursorPaging } from './use-cursor-paging';

interface Row {
  id: string;
  name: string;
}

/** A loaded answer of `useApiGet`. */
function loaded(items: Row[], nextCursor: string | null = null): ApiGet<{ items: Row[]; nextCursor: string | null }> {
  return { data: { items, nextCursor }, fresh: true, error: null, loading: false, reload: () => undefined, setData: () => undefined };
}

function Page({ list }: { list: ApiGet<{ items: Row[]; nextCursor: string | null }> }) {
  const paging = useCursorPaging();
  return (
    <ListTable
      list={list}
      noun="rows"
      empty="No rows yet."
      caption="Rows"
      columns={['Name']}
      actions
      pages={{ paging, label: 'Pages of rows' }}
      row={(row) => (
        <tr>
          <th scope="row">{row.name}</th>
          <td>
            <button type="button">Edit</button>
          </td>
        </tr>
      )}
    />
  );
}

function show(list: ApiGet<{ items: Row[]; nextCursor: string | null }>) {
  render(<RouterProvider router={createMemoryRouter([{ path: '/', element: <Page list={list} /> }])} />);
}

afterEach(cleanup);

describe('a list table', () => {
  it('heads its columns, the actions column named for assistive technology only, and shows a row an item', () => {
    show(loaded([{ id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta' }], 'next'));
    const table = screen.getByRole('table', { name: 'Rows' });
    expect([...table.querySelectorAll('thead th')].map((cell) => [cell.getAttribute('scope'), cell.textContent])).toEqual([
      ['col', 'Name'],
      ['col', 'Actions'],
    ]);
    expect(table.querySelector('thead .visually-hidden')?.textContent).toBe('Actions');
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Alpha', 'Beta']);
    expect(screen.getByRole('navigation', { name: 'Pages of rows' })).toBeTruthy();
  });

  it('says the list is empty instead of showing an empty table', () => {
    show(loaded([]));
    expect(screen.getByText('No rows yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
