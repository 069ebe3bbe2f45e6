// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskFields } from '../api/types';
import { TaskForm } from './task-form';

const FIELDS: TaskFields = { label: 'Q1', question: 'Read the numbers.', kind: 'code', language: 'python', code: 'print(1)', stdin: '', inputFiles: [], theme: null, answer: '' };

function renderForm(initial: Partial<TaskFields> = {}, serverErrors?: Record<string, string>) {
  const submitted: TaskFields[] = [];
  const view = render(
    <TaskForm initial={{ ...FIELDS, ...initial }} submitLabel="Save task" busy={false} serverErrors={serverErrors} onSubmit={(fields) => submitted.push(fields)} onCancel={() => undefined} />,
  );
  return { submitted, view };
}

/** Lets the focus move the list schedules after it renders. */
async function settle() {
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

afterEach(cleanup);

describe('the input files of the task form', () => {
  it('adds a file with labelled fields, focuses its name, and submits what was typed', async () => {
    const { submitted } = renderForm();
    act(() => screen.getByRole('button', { name: 'Add an input file' }).click());
    await settle();
    const name = screen.getByLabelText('Name of file 1');
    expect(document.activeElement).toBe(name);
    fireEvent.change(name, { target: { value: 'data.txt' } });
    fireEvent.change(screen.getByLabelText('Content of “data.txt”'), { target: { value: '3 4\n' } });
    act(() => screen.getByRole('button', { name: 'Save task' }).click());
    expect(submitted).toEqual([{ ...FIELDS, inputFiles: [{ name: 'data.txt', content: '3 4\n' }] }]);
  });

  it('removes the file its button names and gives focus to the add button', () => {
    const { submitted } = renderForm({
      inputFiles: [
        { name: 'a.txt', content: 'A' },
        { name: 'b.txt', content: 'B' },
      ],
    });
    act(() => screen.getByRole('button', { name: 'Remove “a.txt”' }).click());
    expect(screen.queryByRole('button', { name: 'Remove “a.txt”' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add an input file' }));
    act(() => screen.getByRole('button', { name: 'Save task' }).click());
    expect(submitted[0]?.inputFiles).toEqual([{ name: 'b.txt', content: 'B' }]);
  });

  it('refuses a name the server would refuse, says why at the field, and sends nothing', () => {
    const { submitted } = renderForm({ inputFiles: [{ name: '../secret', content: 'x' }] });
    act(() => screen.getByRole('button', { name: 'Save task' }).click());
    expect(submitted).toEqual([]);
    const name = screen.getByLabelText('Name of file 1');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    const error = document.getElementById(name.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toContain('must be a plain file name');
    fireEvent.change(name, { target: { value: 'secret.txt' } });
    expect(name.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses two files of the same name', () => {
    const { submitted } = renderForm({
      inputFiles: [
        { name: 'data.txt', content: '1' },
        { name: 'data.txt', content: '2' },
      ],
    });
    act(() => screen.getByRole('button', { name: 'Save task' }).click());
    expect(submitted).toEqual([]);
    expect(screen.getByLabelText('Name of file 2').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Name of file 1').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the server’s refusal under the file it names', () => {
    renderForm({ inputFiles: [{ name: 'ok.txt', content: '' }] }, { '0.name': 'File name must be a plain file name.' });
    const name = screen.getByLabelText('Name of file 1');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
  });

  it('reads an uploaded text file into a new entry, and refuses one over 1 MB with a clear message', async () => {
    renderForm();
    const upload = screen.getByLabelText('Upload a text file');
    await act(async () => {
      fireEvent.change(upload, { target: { files: [new File(['1 2 3\n'], 'numbers.txt', { type: 'text/plain' })] } });
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect((screen.getByLabelText('Name of file 1') as HTMLInputElement).value).toBe('numbers.txt');
    expect((screen.getByLabelText('Content of “numbers.txt”') as HTMLTextAreaElement).value).toBe('1 2 3\n');

    await act(async () => {
      fireEvent.change(upload, { target: { files: [new File(['x'.repeat(1_000_001)], 'big.txt', { type: 'text/plain' })] } });
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(screen.getByRole('alert').textContent).toBe('“big.txt” is too large (977 KB): an input file may hold at most 1,000,000 characters.');
    expect(screen.queryByLabelText('Name of file 2')).toBeNull();
  });

  it('offers no further file once the task has ten, and says why', () => {
    renderForm({ inputFiles: Array.from({ length: 10 }, (_, index) => ({ name: `f${index}.txt`, content: '' })) });
    const add = screen.getByRole('button', { name: 'Add an input file' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(document.getElementById(add.getAttribute('aria-describedby') ?? '')?.textContent).toContain('at most 10 input files');
    expect(screen.queryByLabelText('Upload a text file')).toBeNull();
  });
});
