import { useEffect, useMemo, useRef, useState } from 'react';
import type { CodeMirrorHandle } from './code-mirror';

let loading: Promise<typeof import('./code-mirror')> | null = null;

/** CodeMirror, fetched once on first use (a failed fetch is tried again by the next editor). */
function loadCodeMirror(): Promise<typeof import('./code-mirror')> {
  loading ??= import('./code-mirror').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

interface CodeEditorProps {
  value: string;
  /** Called with the whole text after each edit; not called for changes of `value` itself. */
  onChange?: (value: string) => void;
  /** A LabMate language (python, c, cpp, java, javascript, html); anything else is plain text. */
  language: string;
  readOnly?: boolean;
  /** The id given to the editable element, for a label that focuses it. */
  id?: string;
  /** The id of the visible label that names the editor. */
  labelledBy?: string;
  /** The editor's name when no visible label names it. */
  label?: string;
  /** The ids of hints that describe it. */
  describedBy?: string;
}

/**
 * A code editor (CodeMirror 6, loaded on first use): line numbers, bracket matching, highlighting by language, Tab
 * indents with Escape-then-Tab to leave. Until CodeMirror arrives the code shows as plain text; if it cannot be
 * loaded, a plain text area stands in so the field still works.
 */
export function CodeEditor({ value, onChange, language, readOnly = false, id, labelledBy, label, describedBy }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<CodeMirrorHandle | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const attributes = useMemo(() => {
    // The editable element is in the tab order already; saying so lets checkers (axe) see that a keyboard reaches the
    // horizontal scroller around a long line.
    const named: Record<string, string> = { tabindex: '0' };
    if (id) named['id'] = id;
    if (labelledBy) named['aria-labelledby'] = labelledBy;
    if (label) named['aria-label'] = label;
    if (describedBy) named['aria-describedby'] = describedBy;
    return named;
  }, [id, labelledBy, label, describedBy]);
  // The editor is made once, asynchronously; it reads the props as they are when it arrives.
  const latest = useRef({ value, onChange, language, readOnly, attributes });
  useEffect(() => {
    latest.current = { value, onChange, language, readOnly, attributes };
  });

  useEffect(() => {
    let cancelled = false;
    loadCodeMirror().then(
      (module) => {
        if (cancelled || !host.current) return;
        const now = latest.current;
        editor.current = module.createCodeMirror(host.current, {
          value: now.value,
          language: now.language,
          readOnly: now.readOnly,
          attributes: now.attributes,
          onChange: (text) => latest.current.onChange?.(text),
        });
        setState('ready');
      },
      () => {
        if (!cancelled) setState('failed');
      },
    );
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
    };
  }, []);

  useEffect(() => editor.current?.setValue(value), [value, state]);
  useEffect(() => editor.current?.setLanguage(language), [language, state]);
  useEffect(() => editor.current?.setReadOnly(readOnly), [readOnly, state]);
  useEffect(() => editor.current?.setAttributes(attributes), [attributes, state]);

  if (state === 'failed') {
    return (
      <textarea
        id={id}
        className="code"
        rows={Math.min(18, Math.max(5, value.split('\n').length + 1))}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        readOnly={readOnly}
        aria-labelledby={labelledBy}
        aria-label={label}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
      />
    );
  }
  return (
    <div className="code-editor" data-language={language}>
      {state === 'loading' ? (
        <pre className="code-editor-loading" aria-hidden="true">
          {value || ' '}
        </pre>
      ) : null}
      <div ref={host} />
    </div>
  );
}
