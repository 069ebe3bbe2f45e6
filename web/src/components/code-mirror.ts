// CodeMirror 6 behind a small handle. Only code-editor.tsx imports this module, and only dynamically, so the editor
// (and each language's grammar, loaded on first use) stays out of the first page load.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { Annotation, Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';

/** The grammar of each language LabMate knows (src/languages.ts); any other language is plain text. */
const GRAMMARS: Record<string, () => Promise<Extension>> = {
  python: () => import('@codemirror/lang-python').then((module) => module.python()),
  c: () => import('@codemirror/lang-cpp').then((module) => module.cpp()),
  cpp: () => import('@codemirror/lang-cpp').then((module) => module.cpp()),
  java: () => import('@codemirror/lang-java').then((module) => module.java()),
  javascript: () => import('@codemirror/lang-javascript').then((module) => module.javascript()),
  html: () => import('@codemirror/lang-html').then((module) => module.html()),
};

// Colours come from the app's tokens (styles.css), so the editor follows its light or dark palette.
const appTheme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--code-bg)',
    border: '1px solid #8a94a6',
    borderRadius: 'var(--radius-small)',
    fontSize: '0.875rem',
    maxHeight: '28rem',
  },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { minHeight: '6rem', padding: 'var(--space-2) 0', caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)', borderLeftWidth: '2px' },
  '.cm-gutters': { backgroundColor: 'var(--code-gutter-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--code-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)', color: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--code-selection)',
  },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--code-bracket)', outline: '1px solid var(--accent)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--danger-soft)', outline: '1px solid var(--danger)' },
});

/** Marks a change that came from the value prop, so it is not reported back as the user's edit. */
const fromProp = Annotation.define<boolean>();

export interface CodeMirrorOptions {
  value: string;
  language: string;
  readOnly: boolean;
  /** Attributes of the editable element: its label and description. */
  attributes: Record<string, string>;
  onChange: (value: string) => void;
}

/** What code-editor.tsx needs from a live editor. */
export interface CodeMirrorHandle {
  readonly view: EditorView;
  setValue(value: string): void;
  setLanguage(language: string): void;
  setReadOnly(readOnly: boolean): void;
  setAttributes(attributes: Record<string, string>): void;
  destroy(): void;
}

function editing(readOnly: boolean): Extension {
  // Tab indents only where there is something to edit; a read-only view leaves Tab to the page. Escape then Tab (or
  // Ctrl-M, in defaultKeymap) still moves focus out of an editable one, which the field's hint says.
  return readOnly ? EditorState.readOnly.of(true) : keymap.of([indentWithTab]);
}

/** An editor in `parent` with line numbers, bracket matching, highlighting by language and the app's colours. */
export function createCodeMirror(parent: HTMLElement, options: CodeMirrorOptions): CodeMirrorHandle {
  const language = new Compartment();
  const mode = new Compartment();
  const attributes = new Compartment();
  let wanted = options.language;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        syntaxHighlighting(classHighlighter),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        appTheme,
        mode.of(editing(options.readOnly)),
        attributes.of(EditorView.contentAttributes.of(options.attributes)),
        language.of([]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !update.transactions.some((transaction) => transaction.annotation(fromProp))) {
            options.onChange(update.state.doc.toString());
          }
        }),
      ],
    }),
  });

  function setLanguage(name: string): void {
    wanted = name;
    const grammar = GRAMMARS[name];
    if (!grammar) {
      view.dispatch({ effects: language.reconfigure([]) });
      return;
    }
    void grammar().then((extension) => {
      // A later choice of language wins over a grammar that arrives late.
      if (wanted === name) view.dispatch({ effects: language.reconfigure(extension) });
    });
  }
  setLanguage(options.language);

  return {
    view,
    setValue(value) {
      const current = view.state.doc.toString();
      if (value !== current) view.dispatch({ changes: { from: 0, to: current.length, insert: value }, annotations: fromProp.of(true) });
    },
    setLanguage(name) {
      if (name !== wanted) setLanguage(name);
    },
    setReadOnly(readOnly) {
      view.dispatch({ effects: mode.reconfigure(editing(readOnly)) });
    },
    setAttributes(next) {
      view.dispatch({ effects: attributes.reconfigure(EditorView.contentAttributes.of(next)) });
    },
    destroy() {
      view.destroy();
    },
  };
}
