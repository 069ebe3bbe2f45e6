import { useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { Language, RunTask, Task, TaskFields } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { CodeEditor } from '../components/code-editor';
import { ConfirmDialog } from '../components/dialog';
import { Lightbox } from '../components/lightbox';
import { ErrorNotice } from '../components/notice';
import { statusTone, statusWords } from '../format';
import { AiActions } from './ai-actions';
import { inputFileSize, taskSaveProblem, type InputFileErrors } from './input-files';
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
  /** Starts a run of just this task. */
  onRun: () => void;
  /** Why no run can start now (one is going), or null. */
  runBlocked: string | null;
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
    inputFiles: task.inputFiles,
    theme: task.theme,
    answer: task.answer,
  };
}

// What a run of the task depends on: a saved change to one of these makes the shown result out of date.
const RUN_INPUTS: ReadonlyArray<keyof TaskFields> = ['code', 'stdin', 'inputFiles', 'language'];

/** Only the fields that changed, so a save never overwrites what it did not touch. */
export function changedFields(before: TaskFields, after: TaskFields): Partial<TaskFields> {
  const changes: Partial<TaskFields> = {};
  for (const key of Object.keys(after) as Array<keyof TaskFields>) {
    // The input files are a list: compare what they hold, not which array it is.
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) (changes as Record<string, unknown>)[key] = after[key];
  }
  return changes;
}

/** One task: what was detected, editable in place, its AI drafts, and its result from the last run. */
export function TaskCard({ assignmentId, task, number, selected, onSelect, liveStatus, result, ai, onChanged, onDeleted, onAiFinished, onRun, runBlocked }: TaskCardProps) {
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [switching, setSwitching] = useState(false);
  const [fileErrors, setFileErrors] = useState<InputFileErrors>({});
  // The result shown when the student saved an edit to what the run uses; a new run brings another result.
  const [editedAfter, setEditedAfter] = useState<RunTask | undefined>(undefined);
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
    setFileErrors({});
    try {
      onChanged(await api.patch<Task>(path, changes));
      setEditing(false);
      if (result && RUN_INPUTS.some((key) => key in changes)) setEditedAfter(result);
      announce(`Saved ${title}.`);
    } catch (failure) {
      const problem = taskSaveProblem(failure);
      setError(problem.notice);
      setFileErrors(problem.fileErrors);
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
  const outdated = result !== undefined && result === editedAfter;
  const cannotRun = runBlocked ?? (task.code.trim() === '' ? 'Add the program first.' : null);
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
        <TaskForm
          initial={taskFields(task)}
          submitLabel="Save task"
          busy={saving}
          serverErrors={fileErrors}
          onSubmit={(fields) => void save(fields)}
          onCancel={() => {
            setEditing(false);
            setFileErrors({});
          }}
        />
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
              {task.inputFiles.length > 0 ? (
                <div className="task-files">
                  <span className="muted">Input files in the program&rsquo;s folder:</span>
                  <ul aria-label={`Input files of ${title}`}>
                    {task.inputFiles.map((file) => (
                      <li key={file.name}>
                        <code>{file.name}</code> <span className="muted">({inputFileSize(file)})</span>
                      </li>
                    ))}
                  </ul>
                </div>
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
            {task.kind === 'code' ? (
              <button
                type="button"
                className="button small primary"
                disabled={cannotRun !== null}
                aria-describedby={cannotRun ? `run-blocked-${task.id}` : undefined}
                onClick={onRun}
                aria-label={`Run this task: ${title}`}
              >
                Run this task
              </button>
            ) : null}
            <button type="button" className="button small" onClick={() => setEditing(true)} aria-label={`Edit ${title}`}>
              Edit
            </button>
            <button type="button" className="button small danger" onClick={() => setConfirmDelete(true)} aria-label={`Delete ${title}`}>
              Delete
            </button>
            {ai ? <AiActions assignmentId={assignmentId} task={task} title={title} onFinished={onAiFinished} /> : null}
          </div>
          {task.kind === 'code' && cannotRun ? (
            <p id={`run-blocked-${task.id}`} className="muted">
              {cannotRun}
            </p>
          ) : null}
        </>
      )}
      {result && liveStatus === undefined ? <TaskResult result={result} title={title} images={images} files={files} outdated={outdated} /> : null}
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

interface TaskResultProps {
  result: RunTask;
  title: string;
  images: RunTask['artifacts'];
  files: RunTask['artifacts'];
  /** The task was edited since this run: the result shows the program as it was. */
  outdated: boolean;
}

function TaskResult({ result, title, images, files, outdated }: TaskResultProps) {
  const [shown, setShown] = useState<number | null>(null);
  const pictures = images.map((artifact) => ({
    src: `/api/v1/artifacts/${artifact.id}`,
    alt: `${artifact.kind === 'screenshot' ? 'Screenshot' : artifact.kind === 'file-card' ? 'File card' : artifact.kind === 'plot' ? 'Plot' : artifact.kind}: ${artifact.name} (${title})`,
  }));
  return (
    <section className="result" aria-label={`Result of ${title}`}>
      <p>
        <strong>Result:</strong> <span className={`badge ${statusTone(result.status)}`}>{statusWords(result.status)}</span>
        {result.exitCode !== null ? <span className="muted"> · exit code {result.exitCode}</span> : null}
        {result.timeMs !== null ? <span className="muted"> · {result.timeMs} ms</span> : null}
        {outdated ? <span className="badge warn">From before your edit</span> : null}
      </p>
      {outdated ? <p className="muted">You changed the task after this run: run it again to see what the edited program does.</p> : null}
      {result.detail ? <p className="muted">{result.detail}</p> : null}
      {result.transcript ? (
        <pre className="transcript" aria-label={`Output of ${title}`} tabIndex={0}>
          {result.transcript}
        </pre>
      ) : null}
      {images.length > 0 ? (
        <div className="shots">
          {pictures.map((picture, index) => (
            <a
              key={picture.src}
              href={picture.src}
              target="_blank"
              rel="noreferrer"
              aria-haspopup="dialog"
              onClick={(event) => {
                // A modified click still opens the picture in a tab of its own, as a link does.
                if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                setShown(index);
              }}
            >
              <img src={picture.src} alt={picture.alt} loading="lazy" />
            </a>
          ))}
        </div>
      ) : null}
      <Lightbox pictures={pictures} index={shown} onIndex={setShown} onClose={() => setShown(null)} />
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
