import { useEffect, useId, useState, type FormEvent } from 'react';
import { LANGUAGES, THEMES, type Language, type TaskFields, type TaskKind, type Theme } from '../api/types';
import { CodeEditor } from '../components/code-editor';
import { InputFileList, inputFileFieldId } from './input-file-list';
import { inputFileErrors, type InputFileErrors } from './input-files';

const LANGUAGE_NAMES: Record<Language, string> = {
  python: 'Python',
  c: 'C',
  cpp: 'C++',
  java: 'Java',
  javascript: 'JavaScript',
  html: 'HTML',
  '': 'None',
};

const THEME_NAMES: Record<Theme, string> = {
  idle: 'IDLE',
  'vscode-dark': 'VS Code (dark)',
  'vscode-light': 'VS Code (light)',
  notepad: 'Notepad + command prompt',
  codeblocks: 'Code::Blocks',
  terminal: 'Terminal',
};

/** A language's display name. */
export function languageName(language: string): string {
  return (LANGUAGE_NAMES as Record<string, string>)[language] ?? language;
}

/** A theme's display name ("Automatic" for null). */
export function themeName(theme: string | null): string {
  return theme === null ? 'Automatic' : ((THEME_NAMES as Record<string, string>)[theme] ?? theme);
}

interface TaskFormProps {
  initial: TaskFields;
  submitLabel: string;
  busy: boolean;
  onSubmit: (fields: TaskFields) => void;
  onCancel: () => void;
  /** What the server refused about the input files, shown under those fields. */
  serverErrors?: InputFileErrors;
}

/** Every field a student may set on a task, labelled; used to edit a task and to add one. */
export function TaskForm({ initial, submitLabel, busy, onSubmit, onCancel, serverErrors }: TaskFormProps) {
  const id = useId();
  const [fields, setFields] = useState<TaskFields>(initial);
  const [questionError, setQuestionError] = useState<string | null>(null);
  const [fileErrors, setFileErrors] = useState<InputFileErrors>({});
  const set = <K extends keyof TaskFields>(key: K, value: TaskFields[K]) => setFields((old) => ({ ...old, [key]: value }));

  /** Shows these input file errors and moves focus to the first; answers whether there were any. */
  function showFileErrors(errors: InputFileErrors): boolean {
    setFileErrors(errors);
    const first = Object.keys(errors)[0];
    if (first) document.getElementById(inputFileFieldId(id, first))?.focus();
    return first !== undefined;
  }

  useEffect(() => {
    if (serverErrors && Object.keys(serverErrors).length > 0) showFileErrors(serverErrors);
    // Only a new refusal from the server moves focus, not a render of the same one.
  }, [serverErrors]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (fields.question.trim() === '') {
      setQuestionError('Write the question this task answers.');
      document.getElementById(`${id}-question`)?.focus();
      return;
    }
    setQuestionError(null);
    if (fields.kind === 'code' && showFileErrors(inputFileErrors(fields.inputFiles))) return;
    onSubmit(fields);
  }

  return (
    <form onSubmit={submit} noValidate className="task-form">
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-label`}>Label</label>
          <input id={`${id}-label`} type="text" value={fields.label} maxLength={100} onChange={(event) => set('label', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={fields.kind} onChange={(event) => set('kind', event.target.value as TaskKind)}>
            <option value="code">Program to run</option>
            <option value="theory">Theory question</option>
            <option value="other">Other</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-question`}>Question</label>
        <textarea
          id={`${id}-question`}
          rows={3}
          value={fields.question}
          aria-invalid={questionError ? true : undefined}
          aria-describedby={questionError ? `${id}-question-error` : undefined}
          onChange={(event) => set('question', event.target.value)}
        />
        {questionError ? (
          <span id={`${id}-question-error`} className="field-error">
            {questionError}
          </span>
        ) : null}
      </div>
      {fields.kind === 'code' ? (
        <>
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${id}-language`}>Language</label>
              <select id={`${id}-language`} value={fields.language} onChange={(event) => set('language', event.target.value as Language)}>
                {LANGUAGES.map((language) => (
                  <option key={language} value={language}>
                    {LANGUAGE_NAMES[language]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-theme`}>Screenshot style</label>
              <select
                id={`${id}-theme`}
                value={fields.theme ?? ''}
                onChange={(event) => set('theme', event.target.value === '' ? null : (event.target.value as Theme))}
              >
                <option value="">Automatic (suits the language)</option>
                {THEMES.map((theme) => (
                  <option key={theme} value={theme}>
                    {THEME_NAMES[theme]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            {/* The editor is no form control: the label names it through aria-labelledby and focuses it when clicked. */}
            <label id={`${id}-code-label`} onClick={() => document.getElementById(`${id}-code`)?.focus()}>
              Code
            </label>
            <span id={`${id}-code-hint`} className="hint">
              Tab indents. To leave the editor with the keyboard, press Esc, then Tab.
            </span>
            <CodeEditor
              id={`${id}-code`}
              labelledBy={`${id}-code-label`}
              describedBy={`${id}-code-hint`}
              language={fields.language}
              value={fields.code}
              onChange={(code) => set('code', code)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-stdin`}>Standard input</label>
            <span id={`${id}-stdin-hint`} className="hint">
              What the program reads, one answer per line, as you would type it.
            </span>
            <textarea
              id={`${id}-stdin`}
              className="code"
              rows={3}
              spellCheck={false}
              aria-describedby={`${id}-stdin-hint`}
              value={fields.stdin}
              onChange={(event) => set('stdin', event.target.value)}
            />
          </div>
          <InputFileList
            prefix={id}
            files={fields.inputFiles}
            errors={fileErrors}
            onChange={(files, edited) => {
              set('inputFiles', files);
              // A removal moves the files after it up: their errors would sit under the wrong file.
              setFileErrors((old) => (edited === null ? {} : Object.fromEntries(Object.entries(old).filter(([key]) => !key.startsWith(`${edited}.`)))));
            }}
          />
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-answer`}>Answer</label>
          <span id={`${id}-answer-hint`} className="hint">
            Your answer goes into the report below the question.
          </span>
          <textarea id={`${id}-answer`} rows={4} aria-describedby={`${id}-answer-hint`} value={fields.answer} onChange={(event) => set('answer', event.target.value)} />
        </div>
      )}
      <div className="row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
