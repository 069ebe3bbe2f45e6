import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { Assignment, Page, Run, RunSummary, Started, Task, TaskFields } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice, Loading } from '../components/notice';
import { usePageTitle } from '../components/page-title';
import { formatDate, plural, statusWords } from '../format';
import { useCapabilities } from '../session';
import { DocumentPreview } from '../workspace/document-preview';
import { History } from '../workspace/history';
import { taskSaveProblem, type InputFileErrors } from '../workspace/input-files';
import { ReparseButton } from '../workspace/reparse-button';
import { ReportPanel } from '../workspace/report-panel';
import { runFinished } from '../workspace/run-progress';
import { TaskCard } from '../workspace/task-card';
import { TaskForm } from '../workspace/task-form';
import { useRun } from '../workspace/use-run';

const AI_POLL_MS = 2000;

const NEW_TASK: TaskFields = { label: '', question: '', kind: 'code', language: 'python', code: '', stdin: '', inputFiles: [], theme: null, answer: '' };

/** One assignment: the document beside its tasks; edit, run with live progress, see results, compose the report. */
export function WorkspacePage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  // Coming back to an assignment shows its newest run's results until another run is opened or started.
  const [newestRunId, setNewestRunId] = useState<string | null>(null);
  const runId = search.get('run') ?? newestRunId;
  const capabilities = useCapabilities();
  const announce = useAnnounce();
  const [assignment, setAssignment] = useState<Assignment | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [starting, setStarting] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [adding, setAdding] = useState(false);
  const [addBusy, setAddBusy] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const [addFileErrors, setAddFileErrors] = useState<InputFileErrors>({});
  // Moves on whenever a run or report may have been added, so the history loads again.
  const [historyVersion, setHistoryVersion] = useState(0);
  const historyChanged = useCallback(() => setHistoryVersion((version) => version + 1), []);
  usePageTitle(assignment?.originalName ?? 'Assignment');

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setAssignment(await api.get<Assignment>(`/assignments/${id}`));
    } catch (failure) {
      setLoadError(messageOf(failure));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    let stale = false;
    setNewestRunId(null);
    // Without it the page still works: results then show once a run is started or opened from the history.
    api.get<Page<RunSummary>>(`/assignments/${id}/runs?limit=1`).then(
      (page) => {
        if (!stale) setNewestRunId(page.items[0]?.id ?? null);
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [id]);

  // While the AI refines the detected tasks, look again until it is done.
  const refining = assignment?.ai.status === 'pending';
  useEffect(() => {
    if (!refining) return;
    const timer = window.setInterval(() => void load(), AI_POLL_MS);
    return () => window.clearInterval(timer);
  }, [refining, load]);

  const onRunFinished = useCallback(
    (run: Run) => {
      const ok = run.tasks.filter((task) => task.status === 'ok').length;
      const skipped = run.tasks.filter((task) => task.status === 'skipped').length;
      const failed = run.tasks.length - ok - skipped;
      announce(`Run ${statusWords(run.status)}: ${ok} ok${failed ? `, ${failed} failed` : ''}${skipped ? `, ${skipped} skipped` : ''}.`);
      historyChanged();
    },
    [announce, historyChanged],
  );
  const { progress, run, error: followError } = useRun(runId, onRunFinished);
  const running = progress !== null && !runFinished(progress.status);
  const results = useMemo(() => new Map((run?.tasks ?? []).map((task) => [task.taskId, task])), [run]);
  // The report's items follow the tasks and the finished results: read them again when either changes.
  const reportContentsKey = useMemo(() => JSON.stringify([run?.id, run?.status, assignment?.tasks]), [run?.id, run?.status, assignment?.tasks]);

  async function startRun(taskIds: string[] | null) {
    if (!assignment) return;
    setStarting(true);
    setRunError(null);
    try {
      // Each task's stored screenshot switch and theme apply: the run sends no options of its own.
      const started = await api.post<Started>(`/assignments/${assignment.id}/runs`, taskIds ? { taskIds } : {});
      setSearch({ run: started.id }, { replace: false });
      historyChanged();
      announce(`Run started for ${taskIds ? plural(taskIds.length, 'task') : 'all tasks'}.`);
    } catch (failure) {
      setRunError(messageOf(failure));
    } finally {
      setStarting(false);
    }
  }

  async function cancelRun() {
    if (!runId) return;
    setCancelling(true);
    try {
      await api.post(`/runs/${runId}/cancel`);
    } catch (failure) {
      setRunError(messageOf(failure));
    } finally {
      setCancelling(false);
    }
  }

  async function addTask(fields: TaskFields) {
    if (!assignment) return;
    setAddBusy(true);
    setAddError(null);
    setAddFileErrors({});
    try {
      const task = await api.post<Task>(`/assignments/${assignment.id}/tasks`, { ...fields, position: assignment.tasks.length });
      setAssignment({ ...assignment, tasks: [...assignment.tasks, task] });
      setAdding(false);
      announce('Task added.');
    } catch (failure) {
      const problem = taskSaveProblem(failure);
      setAddError(problem.notice);
      setAddFileErrors(problem.fileErrors);
    } finally {
      setAddBusy(false);
    }
  }

  function openRun(earlierRunId: string) {
    setSearch({ run: earlierRunId }, { replace: false });
    document.getElementById('tasks-section')?.scrollIntoView({ block: 'start' });
  }

  function reparsed(detected: Task[]) {
    setAssignment((old) => (old ? { ...old, tasks: detected } : old));
    setSelected(new Set());
    // The shown run's results belong to the tasks that were replaced.
    setNewestRunId(null);
    setSearch({}, { replace: true });
    void load();
  }

  function replaceTask(task: Task) {
    setAssignment((old) => (old ? { ...old, tasks: old.tasks.map((t) => (t.id === task.id ? task : t)) } : old));
  }

  function removeTask(taskId: string) {
    setAssignment((old) => (old ? { ...old, tasks: old.tasks.filter((t) => t.id !== taskId) } : old));
    setSelected((old) => {
      const next = new Set(old);
      next.delete(taskId);
      return next;
    });
  }

  function toggle(set: typeof setSelected, taskId: string, on: boolean) {
    set((old) => {
      const next = new Set(old);
      if (on) next.add(taskId);
      else next.delete(taskId);
      return next;
    });
  }

  if (loadError && !assignment) {
    return (
      <>
        <h1>Assignment</h1>
        <ErrorNotice message={loadError} onRetry={() => void load()}>
          <p>
            <Link to="/assignments">Back to your assignments</Link>
          </p>
        </ErrorNotice>
      </>
    );
  }
  if (!assignment) return <Loading label="Loading the assignment…" />;

  const tasks = assignment.tasks;
  const codeTasks = tasks.filter((task) => task.kind === 'code');
  const selectedIds = tasks.filter((task) => selected.has(task.id)).map((task) => task.id);
  const runnable = codeTasks.length > 0;
  const allSelected = tasks.length > 0 && selectedIds.length === tasks.length;
  const gone = (run?.tasks ?? []).filter((result) => !tasks.some((task) => task.id === result.taskId)).length;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{assignment.originalName}</h1>
          <p className="muted">
            {assignment.format.toUpperCase()} · {plural(tasks.length, 'task')} ({codeTasks.length} to run)
          </p>
        </div>
        <div className="row">
          <ReparseButton assignmentId={assignment.id} documentName={assignment.originalName} ai={capabilities?.ai === true} disabled={running} onReparsed={reparsed} />
          <Link to="/assignments" className="button small">
            All assignments
          </Link>
        </div>
      </div>
      {assignment.warnings.length > 0 ? (
        <div className="notice warn">
          <p>While reading the document:</p>
          <ul>
            {assignment.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {refining ? (
        <p className="notice" role="status">
          <span className="spinner" aria-hidden="true" /> The AI is checking the detected questions; the list updates when it is done.
        </p>
      ) : null}
      {assignment.ai.status === 'failed' && assignment.ai.detail ? <p className="notice warn">The AI check did not finish: {assignment.ai.detail}</p> : null}
      <div className="workspace">
        <section className="preview-pane" aria-labelledby="preview-title">
          <h2 id="preview-title" className="visually-hidden">
            Document preview
          </h2>
          <DocumentPreview assignment={assignment} />
        </section>
        <section id="tasks-section" aria-labelledby="tasks-title">
          <div className="card toolbar" role="group" aria-label="Run tasks">
            <h2 id="tasks-title" className="visually-hidden">
              Tasks
            </h2>
            <button type="button" className="button primary" disabled={!runnable || running || starting} onClick={() => void startRun(null)}>
              Run all
            </button>
            <button
              type="button"
              className="button"
              disabled={selectedIds.length === 0 || running || starting}
              aria-describedby="selection-note"
              onClick={() => void startRun(selectedIds)}
            >
              Run selected ({selectedIds.length})
            </button>
            <button
              type="button"
              className="link-button"
              disabled={tasks.length === 0}
              onClick={() => setSelected(allSelected ? new Set() : new Set(tasks.map((task) => task.id)))}
            >
              {allSelected ? 'Select none' : 'Select all'}
            </button>
            <span id="selection-note" className="muted">
              {!runnable ? 'No task has a program to run.' : selectedIds.length === 0 ? 'Tick tasks to run only those.' : ''}
            </span>
          </div>
          {runError ? <ErrorNotice message={runError} /> : null}
          {followError ? <ErrorNotice message={followError} /> : null}
          {progress ? (
            <div className="card run-status" aria-busy={running}>
              <label htmlFor="run-progress">
                {running ? (
                  <>
                    {progress.status === 'queued' ? 'Waiting for a free worker…' : 'Running…'} {progress.percent} %
                  </>
                ) : (
                  <>Run {statusWords(progress.status)}</>
                )}
              </label>
              <progress id="run-progress" className="progress" max={100} value={progress.percent} />
              {progress.error ? <p className="muted">{progress.error}</p> : null}
              {run?.artifactsExpiredAt ? (
                <p className="notice warn">
                  This run&rsquo;s screenshots and files were deleted for age on {formatDate(run.artifactsExpiredAt)}; its output text is kept. Run again for new
                  screenshots.
                </p>
              ) : null}
              {gone > 0 ? <p className="muted">{plural(gone, 'result')} of this run belong to tasks no longer in the list.</p> : null}
              {running ? (
                <button type="button" className="button small below" onClick={() => void cancelRun()} disabled={cancelling}>
                  {cancelling ? 'Cancelling…' : 'Cancel run'}
                </button>
              ) : null}
            </div>
          ) : null}
          {tasks.length === 0 ? (
            <div className="card empty">
              <h3>No questions were found in this document</h3>
              <p className="muted">Add the tasks yourself, or upload another file.</p>
              <Link to="/upload" className="button">
                Upload another file
              </Link>
            </div>
          ) : (
            <ol className="tasks" aria-label="Tasks">
              {tasks.map((task, index) => (
                <TaskCard
                  key={task.id}
                  assignmentId={assignment.id}
                  task={task}
                  number={index + 1}
                  selected={selected.has(task.id)}
                  onSelect={(on) => toggle(setSelected, task.id, on)}
                  liveStatus={running ? progress?.tasks[task.id] : undefined}
                  result={results.get(task.id)}
                  ai={capabilities?.ai === true}
                  onChanged={replaceTask}
                  onDeleted={removeTask}
                  onAiFinished={() => void load()}
                  onRun={() => void startRun([task.id])}
                  runBlocked={running ? 'A run is going: wait for it to finish.' : starting ? 'A run is starting.' : null}
                />
              ))}
            </ol>
          )}
          <div className="card below">
            {adding ? (
              <>
                <h3>New task</h3>
                {addError ? <ErrorNotice message={addError} /> : null}
                <TaskForm initial={NEW_TASK} submitLabel="Add task" busy={addBusy} serverErrors={addFileErrors} onSubmit={(fields) => void addTask(fields)} onCancel={() => {
                    setAdding(false);
                    setAddFileErrors({});
                  }}
                />
              </>
            ) : (
              <button type="button" className="button" onClick={() => setAdding(true)}>
                Add a task
              </button>
            )}
          </div>
          <div className="below">
            <ReportPanel
              assignmentId={assignment.id}
              originalName={assignment.originalName}
              format={assignment.format}
              pdfAvailable={capabilities?.pdf === true}
              disabledReason={running ? 'Wait for the run to finish.' : null}
              onComposed={historyChanged}
              contentsKey={reportContentsKey}
            />
          </div>
          <div className="below">
            <History assignmentId={assignment.id} shownRunId={runId} version={historyVersion} onOpenRun={openRun} />
          </div>
        </section>
      </div>
    </>
  );
}
