// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportItem } from '../api/types';
import { AnnouncerProvider } from '../components/announcer';
import { ReportList } from './report-list';
import { initialOrder, requestBody, type ReportOrder } from './report-order';

function item(n: number, extra: Partial<ReportItem> = {}): ReportItem {
  return {
    taskId: `t${n}`,
    number: n,
    label: `Q${n}`,
    question: `Write program ${n}.`,
    kind: 'code',
    status: 'ok',
    failure: null,
    answer: '',
    pictures: [{ id: `p${n}`, kind: 'screenshot', name: `q${n}.png` }],
    ...extra,
  };
}

const ITEMS = [
  item(1),
  item(2, {
    pictures: [
      { id: 'p2', kind: 'screenshot', name: 'q2.png' },
      { id: 'p2-plot', kind: 'plot', name: 'figure.png' },
    ],
  }),   item(3, { status: 'runtime_error', failure: 'runtime error' }),
  item(4),
  item(5),
];

let seen: ReportOrder = initialOrder([]);

function Harness() {
  const [arrangement, setArrangement] = useState(() => initialOrder(ITEMS.map((entry) => entry.taskId)));
  seen = arrangement;
  return (
    <AnnouncerProvider>
      <ReportList items={ITEMS} arrangement={arrangement} onChange={setArrangement} />
    </AnnouncerProvider>
  );
}

function names(): string[] {
  const list = screen.getByRole('list', { name: 'Report items in order' });
  return within(list)
    .getAllByRole('listitem')
    .filter((element) => element.dataset.itemId)
    .map((element) => element.querySelector('strong')?.textContent ?? '');
}

function handle(name: string): HTMLElement {
  return screen.getByRole('button', { name: `Reorder ${name}` });
}

async function announced(text: string): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe(text));
}

function press(element: HTMLElement, key: string): void {
  act(() => {
    fireEvent.keyDown(element, { key });
  });
}

afterEach(cleanup);

describe('ReportList by keyboard', () => {
  it('picks up with Space, moves with the arrow keys, drops with Space, announcing each step and keeping the focus', async () => {
    render(<Harness />);
    const q5 = handle('Q5');
    q5.focus();
    press(q5, ' ');
    expect(q5.getAttribute('aria-pressed')).toBe('true');
    await announced('Q5 picked up, at position 5 of 5. Arrow keys move it, Space or Enter drops it, Escape cancels.');
    for (let step = 0; step < 4; step++) press(document.activeElement as HTMLElement, 'ArrowUp');
    expect(names()).toEqual(['Q5', 'Q1', 'Q2', 'Q3', 'Q4']);
    expect(document.activeElement).toBe(handle('Q5'));
    await announced('Q5 moved to position 1 of 5.');
    press(handle('Q5'), 'ArrowUp');
    expect(names()[0]).toBe('Q5');
    press(handle('Q5'), 'Enter');
    await announced('Q5 dropped at position 1 of 5.');
    expect(handle('Q5').getAttribute('aria-pressed')).toBe('false');
    press(handle('Q5'), 'ArrowDown');
    expect(names()[0]).toBe('Q5');
    expect(requestBody(seen, { placement: 'end', pdf: false }).order).toEqual(['t5', 't1', 't2', 't3', 't4']);
  });

  it('puts the item back where it was picked up on Escape', async () => {
    render(<Harness />);
    const q2 = handle('Q2');
    q2.focus();
    press(q2, 'Enter');
    press(q2, 'ArrowDown');
    press(handle('Q2'), 'End');
    expect(names()).toEqual(['Q1', 'Q3', 'Q4', 'Q5', 'Q2']);
    press(handle('Q2'), 'Escape');
    expect(names()).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5']);
    expect(document.activeElement).toBe(handle('Q2'));
    await announced('Move cancelled. Q2 is back at position 2 of 5.');
  });

  it('moves with the Move up and Move down buttons, focus staying on the button or on the handle once the button is disabled', async () => {
    render(<Harness />);
    act(() => screen.getByRole('button', { name: 'Move down Q1' }).click());
    expect(names()).toEqual(['Q2', 'Q1', 'Q3', 'Q4', 'Q5']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down Q1' }));
    await announced('Q1 moved to position 2 of 5.');
    act(() => screen.getByRole('button', { name: 'Move up Q1' }).click());
    expect(names()).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5']);
    expect((screen.getByRole('button', { name: 'Move up Q1' }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement).toBe(handle('Q1'));
  });

  it('removes an item into the Removed list and restores it at its old place', async () => {
    render(<Harness />);
    act(() => screen.getByRole('button', { name: 'Remove Q2' }).click());
    expect(names()).toEqual(['Q1', 'Q3', 'Q4', 'Q5']);
    expect(document.activeElement).toBe(handle('Q3'));
    await announced('Q2 removed from the report. Restore it from the Removed list.');
    const removed = screen.getByRole('region', { name: 'Removed (1)' });
    expect(requestBody(seen, { placement: 'below', pdf: false }).removed).toEqual(['t2']);
    act(() => within(removed).getByRole('button', { name: 'Restore Q2' }).click());
    expect(names()).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5']);
    expect(screen.queryByRole('region', { name: /^Removed/ })).toBeNull();
    expect(document.activeElement).toBe(handle('Q2'));
    await announced('Q2 restored at position 2 of 5.');
  });

  it('shows a failed item as left out until it is included anyway', () => {
    render(<Harness />);
    expect(screen.getByText('Left out: its run failed.')).toBeTruthy();
    const include = screen.getByRole('checkbox', { name: 'Include anyway Q3' });
    expect((include as HTMLInputElement).checked).toBe(false);
    act(() => include.click());
    expect(requestBody(seen, { placement: 'below', pdf: false }).includeFailed).toEqual(['t3']);
    expect(screen.getByText('Included although its run failed.')).toBeTruthy();
  });

  it('leaves one picture of an item with several out when it is unticked, and offers no tick for a single picture', () => {
    render(<Harness />);
    expect(screen.queryByRole('checkbox', { name: 'Keep q1.png' })).toBeNull();
    const plot = screen.getByRole('checkbox', { name: 'Keep figure.png' });
    act(() => plot.click());
    expect(requestBody(seen, { placement: 'below', pdf: false }).removed).toEqual(['p2-plot']);
    expect(names()).toContain('Q2');
  });
});
