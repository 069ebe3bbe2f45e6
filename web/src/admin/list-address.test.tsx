// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pager } from './pager';
import { SearchBox, SEARCH_DELAY_MS } from './search-box';
import { useCursorPaging } from './use-cursor-paging';

/** A list page in miniature: the search, the pager (its next cursor made from the page number) and the address. */
function ListPage() {
  const location = useLocation();
  const paging = useCursorPaging();
  return (
    <>
      <SearchBox label="Search users" />
      <Pager paging={paging} nextCursor={`after-${paging.page ?? 'x'}`} label="Pages" />
      <output data-testid="address">{location.search}</output>
    </>
  );
}

function start(initial = '/admin/users') {
  const router = createMemoryRouter([{ path: '/admin/users', element: <ListPage /> }], { initialEntries: [initial] });
  render(<RouterProvider router={router} />);
  return router;
}

const address = () => screen.getByTestId('address').textContent;
const box = () => screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search users' });
const type = (text: string) => fireEvent.change(box(), { target: { value: text } });
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('a list’s search and page in the address', () => {
  it('searches once typing pauses, not on every key', () => {
    const router = start();
    type('a');
    wait(SEARCH_DELAY_MS - 50);
    type('an');
    wait(SEARCH_DELAY_MS - 50);
    type('ana');
    wait(SEARCH_DELAY_MS - 50);
    expect(address()).toBe('');
    wait(50);
    expect(address()).toBe('?q=ana');
    expect(router.state.historyAction).toBe('PUSH');
  });

  it('searches at once on Enter, and an emptied box removes the search', () => {
    start('/admin/users?q=ana');
    expect(box().value).toBe('ana');
    type(' bea ');
    fireEvent.submit(screen.getByRole('search'));
    expect(address()).toBe('?q=bea');
    expect(box().value).toBe(' bea ');
    type('');
    wait(SEARCH_DELAY_MS);
    expect(address()).toBe('');
  });

  it('follows back and forward: the box shows the address’s search', async () => {
    const router = start();
    type('ana');
    wait(SEARCH_DELAY_MS);
    type('bea');
    wait(SEARCH_DELAY_MS);
    expect(address()).toBe('?q=bea');
    await act(() => router.navigate(-1));
    expect(address()).toBe('?q=ana');
    expect(box().value).toBe('ana');
    await act(() => router.navigate(-1));
    expect(box().value).toBe('');
    await act(() => router.navigate(1));
    expect(box().value).toBe('ana');
    wait(SEARCH_DELAY_MS);
    expect(address()).toBe('?q=ana');
  });

  it('pages forward and back with the cursor in the address, and a new search starts on page 1', async () => {
    const router = start('/admin/users?q=ana');
    expect(screen.queryByRole('button', { name: 'Previous page' })).toBeNull();
    act(() => screen.getByRole('button', { name: 'Next page' }).click());
    expect(address()).toBe('?q=ana&cursor=after-1');
    expect(screen.getByText('Page 2')).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Next page' }).click());
    expect(address()).toBe('?q=ana&cursor=after-2');
    act(() => screen.getByRole('button', { name: 'Previous page' }).click());
    expect(address()).toBe('?q=ana&cursor=after-1');
    await act(() => router.navigate(-1));
    expect(address()).toBe('?q=ana&cursor=after-2');
    expect(screen.getByText('Page 3')).toBeTruthy();

    type('bea');
    wait(SEARCH_DELAY_MS);
    expect(address()).toBe('?q=bea');
    expect(screen.getByText('Page 1')).toBeTruthy();
  });

  it('offers the first page for a shared link to a later page, whose page number it cannot know', () => {
    start('/admin/users?cursor=abc');
    expect(screen.queryByText(/^Page/)).toBeNull();
    act(() => screen.getByRole('button', { name: 'First page' }).click());
    expect(address()).toBe('');
  });
});
