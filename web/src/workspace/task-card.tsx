import { useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { Language, RunTask, Task, TaskFields } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { CodeEditor } from '../components/code-editor';
import { ConfirmDialog } from '../components/dialog';
import { ErrorNotice } from '../components/notice';
import { statusTone, statusWords } from '../format';
import { AiActions } from './ai-actions';
import { TaskForm, languageName, themeName } from './task-form';

interface TaskCardProps {
  assignmentId: string;
  task: Task;
  number: number;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** The live status of the task in the run being watched. */
  liveStatus: string | undefined;
  /** The task's result in the last run, once it finished. */
  result: RunTask | undefined;
  ai: boolean;
  onChanged: (task: Task) => void;
  onDeleted: (taskId: string) => void;
  onAiFinished: () => void;
}

/** The fields of a task as the edit form holds them. */
export function taskFields(task: Task): TaskFields {
  return {
    label: task.label,
    question: task.question,
    kind: task.kind,
    language: task.language as Language,
    code: task.code,
    stdin: task.stdin,
    theme: task.theme,
    answer: task.answer,
  };
}

/** Only the fields that changed, so a save never overwrites what it did not touch. */
export function changedFields(before: TaskFields, after: TaskFields): Partial<TaskFields> {
  const changes: Partial<TaskFields> = {};
  for (const key of Object.keys(after) as Array<keyof TaskFields>) {
    if (after[key] !== before[key]) (changes as Record<string, unknown>)[key] = after[key];
  }
  return changes;
}

/** One task: what was detected, editable in place, its AI drafts, and its result from the last run. */
export function TaskCard({ assignmentId, task, number, selected, onSelect, liveStatus, result, ai, onChanged, onDeleted, onAiFinished }: TaskCardProps) {
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [switching, setSwitching] = useState(false);
  const title = task.label || `Task ${number}`;
  const path = `/assignments/${assignmentId}/tasks/${task.id}`;
  const headingId = `task-${task.id}-title`;

  async function save(fields: TaskFields) {
    const changes = changedFields(taskFields(task), fields);
    if (Object.keys(changes).length === 0) {
      setEditing(false);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onChanged(await api.patch<Task>(path, changes));
      setEditing(false);
      announce(`Saved ${title}.`);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  }

  /** Stores the screenshot switch on the task, so every later run (and a reload) keeps it. */
  async function switchScreenshots(on: boolean) {
    setSwitching(true);
    setError(null);
    // The box follows the click at once and goes back if the server refuses.
    onChanged({ ...task, screenshot: on });
    try {
      onChanged(await api.patch<Task>(path, { screenshot: on }));
      announce(on ? `Runs make screenshots of ${title}.` : `Runs make no screenshots of ${title}.`);
    } catch (failure) {
      onChanged(task);
      setError(messageOf(failure));
    } finally {
      setSwitching(false);
    }
  }

  async function accept(field: 'code' | 'stdin' | 'answer') {
    setError(null);
    try {
      onChanged(await api.patch<Task>(path, { accept: [field] }));
      announce(`Accepted the AI draft as your own ${field === 'stdin' ? 'input' : field}.`);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  async function remove() {
    setDeleting(true);
    setError(null);
    try {
      await api.delete(path);
      setConfirmDelete(false);
      onDeleted(task.id);
      announce(`Deleted ${title}.`);
    } catch (failure) {
      setError(messageOf(failure));
      setConfirmDelete(false);
    } finally {
      setDeleting(false);
    }
  }

  const status = liveStatus ?? result?.status;
  const images = result?.artifacts.filter((artifact) => artifact.contentType.startsWith('image/')) ?? [];
  const files = result?.artifacts.filter((artifact) => !artifact.contentType.startsWith('image/')) ?? [];

  return (
    <li className={`card task${selected ? ' selected' : ''}`} aria-labelledby={headingId}>
      <div className="task-head">
        <span className="check">
          <input id={`select-${task.id}`} type="checkbox" checked={selected} onChange={(event) => onSelect(event.target.checked)} />
          <label htmlFor={`select-${task.id}`} className="visually-hidden">
            Select {title}
          </label>
        </span>
        <h3 id={headingId}>{title}</h3>
        <span className="badge">{task.kind === 'code' ? languageName(task.language) || 'Program' : task.kind === 'theory' ? 'Theory' : 'Other'}</span>
        {task.origin === 'user' ? <span className="badge">Added by you</span> : null}
        {task.wantsScreenshot ? <span className="badge">Screenshot asked for</span> : null}
        {status ? (
          <span className={`badge ${statusTone(status)}`}>
            {status === 'running' ? <span className="spinner" aria-hidden="true" /> : null} {statusWords(status)}
          </span>
        ) : null}
      </div>
      {error ? <ErrorNotice message={error} /> : null}
      {editing ? (
        <TaskForm initial={taskFields(task)} submitLabel="Save task" busy={saving} onSubmit={(fields) => void save(fields)} onCancel={() => setEditing(false)} />
      ) : (
        <>
          <p className="task-question">{task.question}</p>
          {task.kind === 'code' ? (
            <>
              {task.code ? (
                <>
                  {task.codeDraft ? (
                    <div className="ai-box">
                      <p>
                        <span className="badge draft">AI draft</span> This code was written by the AI, not taken from your document.
                        Read it before you run it.
                      </p>
                      <button type="button" className="button small" onClick={() => void accept('code')}>
                        Accept the code as mine
                      </button>
                    </div>
                  ) : null}
                  <CodeEditor value={task.code} language={task.language} readOnly label={`Code of ${title}`} />
                </>
              ) : (
                <p className="notice warn">No code yet: edit the task to paste the program{ai ? ', or let the AI draft one' : ''}.</p>
              )}
              {task.stdin ? (
                <p className="muted">
                  Input: <code>{task.stdin.trimEnd().replaceAll('\n', ' ⏎ ')}</code>
                  {task.stdinDraft ? (
                    <>
                      {' '}
                      <span className="badge draft">AI suggestion</span>{' '}
                      <button type="button" className="link-button" onClick={() => void accept('stdin')}>
                        Accept input
                      </button>
                    </>
                  ) : null}
                </p>
              ) : null}
              <p className="check">
                <input
                  id={`shots-${task.id}`}
                  type="checkbox"
                  checked={task.screenshot}
                  disabled={switching}
                  onChange={(event) => void switchScreenshots(event.target.checked)}
                />
                <label htmlFor={`shots-${task.id}`}>
                  Screenshots when it runs <span className="muted">({themeName(task.theme)} style)</span>
                </label>
              </p>
            </>
          ) : task.answer ? (
            <div className={task.answerStatus === 'draft' ? 'ai-box' : ''}>
              {task.answerStatus === 'draft' ? (
                <p>
                  <span className="badge draft">AI draft</span> Only an accepted answer goes into your report.
                </p>
              ) : (
                <p className="muted">Your answer:</p>
              )}
              <p className="task-question">{task.answer}</p>
              {task.answerStatus === 'draft' ? (
                <button type="button" className="button small" onClick={() => void accept('answer')}>
                  Accept the answer
                </button>
              ) : null}
            </div>
          ) : null}
          <div className="row">
            <button type="button" className="button small" onClick={() => setEditing(true)} aria-label={`Edit ${title}`}>
              Edit
            </button>
            <button type="button" className="button small danger" onClick={() => setConfirmDelete(true)} aria-label={`Delete ${title}`}>
              Delete
            </button>
            {ai ? <AiActions assignmentId={assignmentId} task={task} title={title} onFinished={onAiFinished} /> : null}
          </div>
        </>
      )}
      {result && liveStatus === undefined ? <TaskResult result={result} title={title} images={images} files={files} /> : null}
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${title}?`}
        confirmLabel="Delete task"
        danger
        busy={deleting}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>The task and its results leave this assignment and its next report.</p>
      </ConfirmDialog>
    </li>
  );
}

function TaskResult({ result, title, images, files }: { result: RunTask; title: string; images: RunTask['artifacts']; files: RunTask['artifacts'] }) {
  return (
    <section className="result" aria-label={`Result of ${title}`}>
      <p>
        <strong>Result:</strong> <span className={`badge ${statusTone(result.status)}`}>{statusWords(result.status)}</span>
        {result.exitCode !== null ? <span className="muted"> · exit code {result.exitCode}</span> : null}
        {result.timeMs !== null ? <span className="muted"> · {result.timeMs} ms</span> : null}
      </p>
      {result.detail ? <p className="muted">{result.detail}</p> : null}
      {result.transcript ? (
        <pre className="transcript" aria-label={`Output of ${title}`} tabIndex={0}>
          {result.transcript}
        </pre>
      ) : null}
      {images.length > 0 ? (
        <div className="shots">
          {images.map((artifact) => (
            <a key={artifact.id} href={`/api/v1/artifacts/${artifact.id}`} target="_blank" rel="noreferrer">
              <img src={`/api/v1/artifacts/${artifact.id}`} alt={`${artifact.kind === 'screenshot' ? 'Screenshot' : artifact.kind}: ${artifact.name} (${title})`} loading="lazy" />
            </a>
          ))}
        </div>
      ) : null}
      {files.length > 0 ? (
        <ul>
          {files.map((artifact) => (
            <li key={artifact.id}>
              <a href={`/api/v1/artifacts/${artifact.id}`} download={artifact.name}>
                {artifact.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
