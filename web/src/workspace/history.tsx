import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { Page, Report, RunSummary } from '../api/types';
import { ErrorNotice, Loading } from '../components/notice';
import { formatDate, formatMoment, plural, statusTone, statusWords } from '../format';

const PAGE_SIZE = 10;

// Successes first, then what went wrong, then what did not run.
const STATUS_ORDER = ['ok', 'runtime_error', 'compile_error', 'timeout', 'memory_limit', 'output_limit', 'internal_error', 'running', 'queued', 'skipped', 'cancelled'];

/** A run's task counts in a steady order: "2 ok", "1 runtime error", "1 skipped". */
export function countsInOrder(counts: Record<string, number>): Array<{ status: string; count: number }> {
  const rank = (status: string) => (STATUS_ORDER.includes(status) ? STATUS_ORDER.indexOf(status) : STATUS_ORDER.length);
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([status, count]) => ({ status, count }));
}

interface PagedList<T> {
  items: T[] | null;
  nextCursor: string | null;
  error: string | null;
  loadingMore: boolean;
  reload: () => void;
  loadMore: () => void;
}

/** A newest-first list from the API, loaded while `active`, again whenever `version` changes, a page at a time. */
function usePagedList<T>(path: string, active: boolean, version: number): PagedList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(
    async (cursor: string | null) => {
      setError(null);
      try {
        const page = await api.get<Page<T>>(`${path}?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        setItems((old) => (cursor && old ? [...old, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (failure) {
        setError(messageOf(failure));
      }
    },
    [path],
  );

  useEffect(() => {
    if (active) void load(null);
  }, [active, load, version]);

  return {
    items,
    nextCursor,
    error,
    loadingMore,
    reload: () => void load(null),
    loadMore: () => {
      setLoadingMore(true);
      void load(nextCursor).finally(() => setLoadingMore(false));
    },
  };
}

interface HistoryProps {
  assignmentId: string;
  /** The run whose results the tasks show now. */
  shownRunId: string | null;
  /** Changes whenever a run or report may have been added, so the open lists load again. */
  version: number;
  onOpenRun: (runId: string) => void;
}

/** The assignment's earlier runs (open one's results) and earlier reports (download them again), loaded when opened. */
export function History({ assignmentId, shownRunId, version, onOpenRun }: HistoryProps) {
  const [open, setOpen] = useState(false);
  const runs = usePagedList<RunSummary>(`/assignments/${assignmentId}/runs`, open, version);
  const reports = usePagedList<Report>(`/assignments/${assignmentId}/reports`, open, version);

  return (
    <section className="card history" aria-labelledby="history-title">
      <h2 id="history-title">
        <button type="button" className="disclosure" aria-expanded={open} aria-controls="history-body" onClick={() => setOpen(!open)}>
          Earlier runs and reports
        </button>
      </h2>
      <div id="history-body" hidden={!open}>
        <HistorySection title="Earlier runs" noun="runs" list={runs}>
          {(run) => <RunItem key={run.id} run={run} shown={run.id === shownRunId} onOpen={() => onOpenRun(run.id)} />}
        </HistorySection>
        <HistorySection title="Earlier reports" noun="reports" list={reports}>
          {(report) => <ReportItem key={report.id} report={report} />}
        </HistorySection>
      </div>
    </section>
  );
}

/** One list of the history: loading, its failure with a retry, empty, the items, and "Show more". */
function HistorySection<T>({ title, noun, list, children }: { title: string; noun: string; list: PagedList<T>; children: (item: T) => ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="history-section">
      <h3 id={headingId}>{title}</h3>
      {list.error ? <ErrorNotice message={`The ${noun} could not be loaded. ${list.error}`} onRetry={list.reload} /> : null}
      {list.items === null && !list.error ? <Loading label={`Loading the ${noun}…`} /> : null}
      {list.items?.length === 0 ? <p className="muted">No {noun} yet.</p> : null}
      {list.items && list.items.length > 0 ? (
        <ul className="history-list" aria-label={title}>
          {list.items.map(children)}
        </ul>
      ) : null}
      {list.nextCursor ? (
        <button type="button" className="button small below" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? 'Loading…' : `Show more ${noun}`}
        </button>
      ) : null}
    </section>
  );
}

/** "Run of <when>" or "Report of <when>" with its status. */
function ItemTitle({ what, at, status, tone }: { what: string; at: string; status: string; tone: string }) {
  return (
    <p>
      <strong>
        {what} of <time dateTime={at}>{formatMoment(at)}</time>
      </strong>{' '}
      <span className={`badge ${tone}`}>{status}</span>
    </p>
  );
}

function RunItem({ run, shown, onOpen }: { run: RunSummary; shown: boolean; onOpen: () => void }) {
  const when = formatMoment(run.queuedAt);
  const total = Object.values(run.taskCounts).reduce((sum, count) => sum + count, 0);
  return (
    <li className="history-item">
      <div className="grow">
        <ItemTitle what="Run" at={run.queuedAt} status={statusWords(run.status)} tone={statusTone(run.status)} />
        <p className="meta">
          {plural(total, 'task')}:{' '}
          {countsInOrder(run.taskCounts).map(({ status, count }) => (
            <span key={status} className={`badge ${statusTone(status)}`}>
              {count} {statusWords(status)}
            </span>
          ))}
        </p>
        {run.artifactsExpiredAt ? (
          <p className="meta">
            <span className="badge warn">Screenshots deleted</span> Its screenshots and files were deleted for age on {formatDate(run.artifactsExpiredAt)}; the
            output text is kept.
          </p>
        ) : null}
      </div>
      {shown ? (
        <span className="badge busy">Shown in the tasks</span>
      ) : (
        <button type="button" className="button small" onClick={onOpen} aria-label={`Show results of the run of ${when}`}>
          Show results
        </button>
      )}
    </li>
  );
}

function ReportItem({ report }: { report: Report }) {
  const when = formatMoment(report.createdAt);
  const composing = report.status === 'queued' || report.status === 'running';
  return (
    <li className="history-item">
      <div className="grow">
        <ItemTitle what="Report" at={report.createdAt} status={composing ? 'composing' : statusWords(report.status)} tone={statusTone(report.status)} />
        {report.status === 'failed' && report.error ? <p className="meta">{report.error}</p> : null}
        {report.pdfError ? <p className="meta">No PDF: {report.pdfError}</p> : null}
      </div>
      {report.docx || report.pdf ? (
        <div className="row">
          {report.docx ? (
            <a className="button small" href={report.docx} download aria-label={`Download the report of ${when} as DOCX`}>
              DOCX
            </a>
          ) : null}
          {report.pdf ? (
            <a className="button small" href={report.pdf} download aria-label={`Download the report of ${when} as PDF`}>
              PDF
            </a>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
