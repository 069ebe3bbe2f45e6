// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { networkError } from '../api/problem';
import { ConfirmActionDialog } from './confirm-action-dialog';
import { useConfirmAction } from './use-confirm-action';

/** A row that asks before it is removed; `remove` decides whether the removal fails. */
function Harness({ remove }: { remove: (name: string) => Promise<void> }) {
  const removal = useConfirmAction(remove);
  return (
    <main>
      <h1>Rows</h1>
      <button type="button" onClick={() => removal.ask('row one')}>
        Remove row one
      </button>
      <button type="button" onClick={() => removal.run('row two')}>
        Remove row two now
      </button>
      {removal.error && removal.target === null ? <p>Outside: {removal.error}</p> : null}
      <ConfirmActionDialog action={removal} title="Remove this row?" confirmLabel="Remove" danger>
        <p>{removal.target} goes away.</p>
      </ConfirmActionDialog>
    </main>
  );
}

const failing = () => Promise.reject(networkError());

afterEach(cleanup);

describe('a confirmed action', () => {
  it('opens on the target it was asked for and closes once the action succeeds', async () => {
    const removed: string[] = [];
    render(<Harness remove={async (name) => void removed.push(name)} />);
    act(() => screen.getByRole('button', { name: 'Remove row one' }).click());
    expect(screen.getByRole('dialog', { name: 'Remove this row?' }).textContent).toContain('row one goes away.');
    await act(async () => screen.getByRole('button', { name: 'Remove' }).click());
    expect(removed).toEqual(['row one']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('stays open with the failure inside, and drops the failure when cancelled or asked again', async () => {
    render(<Harness remove={failing} />);
    act(() => screen.getByRole('button', { name: 'Remove row one' }).click());
    await act(async () => screen.getByRole('button', { name: 'Remove' }).click());
    expect(screen.getByRole('dialog').querySelector('[role="alert"]')?.textContent).toBe(networkError().message);
    act(() => screen.getByRole('button', { name: 'Cancel' }).click());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => screen.getByRole('button', { name: 'Remove row one' }).click());
    expect(screen.getByRole('dialog').querySelector('[role="alert"]')).toBeNull();
  });

  it('leaves the failure of an unconfirmed run to the page, outside the closed dialog', async () => {
    render(<Harness remove={failing} />);
    await act(async () => screen.getByRole('button', { name: 'Remove row two now' }).click());
    expect(screen.getByText(`Outside: ${networkError().message}`)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
