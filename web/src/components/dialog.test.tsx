// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from './dialog';

function Harness({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <h1>Page</h1>
      <button type="button" onClick={() => setOpen(true)}>
        Delete lab
      </button>
      <ConfirmDialog open={open} title="Delete this assignment?" confirmLabel="Delete" danger onConfirm={onConfirm} onCancel={() => setOpen(false)}>
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    </main>
  );
}

afterEach(cleanup);

describe('ConfirmDialog', () => {
  it('opens on the safe choice, cancels with Escape and gives focus back to its opener', () => {
    render(<Harness onConfirm={() => undefined} />);
    const opener = screen.getByRole('button', { name: 'Delete lab' });
    opener.focus();
    act(() => opener.click());
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    act(() => {
      fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the dialog', () => {
    render(<Harness onConfirm={() => undefined} />);
    act(() => screen.getByRole('button', { name: 'Delete lab' }).click());
    const dialog = screen.getByRole('dialog');
    const confirm = screen.getByRole('button', { name: 'Delete' });
    confirm.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
  });

  it('confirms with its confirm button', () => {
    let confirmed = 0;
    render(<Harness onConfirm={() => confirmed++} />);
    act(() => screen.getByRole('button', { name: 'Delete lab' }).click());
    act(() => screen.getByRole('button', { name: 'Delete' }).click());
    expect(confirmed).toBe(1);
  });
});
