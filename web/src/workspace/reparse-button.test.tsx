// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../api/types';
import { ReparseButton } from './reparse-button';

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

function network(reparse: () => Response) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return String(input).endsWith('/auth/csrf') ? json(200, { csrfToken: 'token' }) : reparse();
  });
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('re-detecting the tasks', () => {
  it('says what is lost before it replaces the tasks, and hands over the new ones', async () => {
    const calls = network(() => json(200, { items: [{ id: 't9', label: 'Q1' }] }));
    const reparsed: Task[][] = [];
    render(<ReparseButton assignmentId="a1" documentName="Lab 1.docx" ai={false} disabled={false} onReparsed={(tasks) => reparsed.push(tasks)} />);
    act(() => screen.getByRole('button', { name: 'Re-detect tasks' }).click());
    const dialog = screen.getByRole('dialog', { name: 'Re-detect the tasks?' });
    expect(dialog.textContent).toContain('tasks you added, your edits');
    expect(dialog.textContent).toContain('run them again');
    expect(calls).toEqual([]);

    act(() => screen.getByRole('button', { name: 'Replace the tasks' }).click());
    await waitFor(() => expect(reparsed).toHaveLength(1));
    expect(reparsed[0]?.map((task) => task.id)).toEqual(['t9']);
    expect(calls).toContain('POST /api/v1/assignments/a1/reparse');
    // The dialog closes in the render after the reply, which a busy machine may not have reached yet.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the server’s reason when it cannot, and changes nothing', async () => {
    network(() => json(422, { type: '/problems/unreadable', status: 422, detail: 'The stored document could not be read.' }, 'application/problem+json'));
    const reparsed: Task[][] = [];
    render(<ReparseButton assignmentId="a1" documentName="Lab 1.docx" ai disabled={false} onReparsed={(tasks) => reparsed.push(tasks)} />);
    act(() => screen.getByRole('button', { name: 'Re-detect tasks' }).click());
    expect(screen.getByRole('dialog').textContent).toContain('The AI then checks the detected questions again.');
    act(() => screen.getByRole('button', { name: 'Replace the tasks' }).click());
    await screen.findByText('The stored document could not be read.');
    expect(reparsed).toEqual([]);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
