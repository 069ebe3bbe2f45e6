// @vitest-environment happy-dom
import { EditorView } from '@codemirror/view';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeEditor } from './code-editor';

function Field({ initial, changes, language = 'python' }: { initial: string; changes: string[]; language?: string }) {
  const [code, setCode] = useState(initial);
  return (
    <div>
      <span id="code-label">Code</span>
      <span id="code-hint">Tab indents.</span>
      <CodeEditor
        id="code"
        labelledBy="code-label"
        describedBy="code-hint"
        language={language}
        value={code}
        onChange={(value) => {
          changes.push(value);
          setCode(value);
        }}
      />
      <button type="button" onClick={() => setCode('print("reset")\n')}>
        Reset
      </button>
      <output>{code}</output>
    </div>
  );
}

/** The editor's view, once CodeMirror has loaded. */
async function editorOf(name: string): Promise<{ content: HTMLElement; view: EditorView }> {
  const content = await screen.findByRole('textbox', { name }, { timeout: 10_000 });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no CodeMirror view around the textbox');
  return { content, view };
}

afterEach(cleanup);

describe('CodeEditor', () => {
  it('is named by its label, described by its hint, and shows the value it is given', async () => {
    render(<Field initial={'def double(n):\n    return n * 2\n'} changes={[]} />);
    const { content, view } = await editorOf('Code');
    expect(content.id).toBe('code');
    expect(content.getAttribute('aria-describedby')).toBe('code-hint');
    expect(content.getAttribute('aria-readonly')).toBeNull();
    expect(view.state.doc.toString()).toBe('def double(n):\n    return n * 2\n');
    expect(content.textContent).toContain('return n * 2');
  });

  it('reports an edit as the whole new text, and takes a new value without reporting it back', async () => {
    const changes: string[] = [];
    render(<Field initial={'x = 1\n'} changes={changes} />);
    const { view } = await editorOf('Code');
    act(() => view.dispatch({ changes: { from: 5, insert: '\nprint(x)' }, userEvent: 'input.type' }));
    expect(changes).toEqual(['x = 1\nprint(x)\n']);
    expect(screen.getByRole('status').textContent).toBe('x = 1\nprint(x)\n');

    act(() => screen.getByRole('button', { name: 'Reset' }).click());
    await waitFor(() => expect(view.state.doc.toString()).toBe('print("reset")\n'));
    expect(changes).toHaveLength(1);
  });

  it('highlights by language: a Python keyword gets a token class', async () => {
    render(<Field initial={'def f():\n    return 1\n'} changes={[]} />);
    const { content } = await editorOf('Code');
    await waitFor(() => expect(content.querySelector('.tok-keyword')?.textContent).toBe('def'), { timeout: 10_000 });
  });

  it('is read-only when asked, and named by its aria-label without a visible label', async () => {
    render(<CodeEditor value={'int main(void) { return 0; }'} language="c" readOnly label="Code of Q1" />);
    const { content, view } = await editorOf('Code of Q1');
    expect(content.getAttribute('aria-readonly')).toBe('true');
    expect(view.state.readOnly).toBe(true);
  });
});
