import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { AssignmentSummary, Page } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ConfirmActionDialog } from '../components/confirm-action-dialog';
import { useConfirmAction } from '../components/use-confirm-action';
import { ErrorNotice, Loading } from '../components/notice';
import { usePageTitle } from '../components/page-title';
import { formatDate, plural } from '../format';

const PAGE_SIZE = 20;

/** Every assignment of the signed-in student, newest first: open, delete, or upload another. */
export function AssignmentsPage() {
  usePageTitle('Your assignments');
  const announce = useAnnounce();
  const [items, setItems] = useState<AssignmentSummary[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const deletion = useConfirmAction<AssignmentSummary>(async (assignment) => {
    await api.delete(`/assignments/${assignment.id}`);
    setItems((old) => old?.filter((item) => item.id !== assignment.id) ?? null);
    announce(`Deleted ${assignment.originalName}.`);
  });

  const load = useCallback(async (cursor: string | null) => {
    setError(null);
    try {
      const page = await api.get<Page<AssignmentSummary>>(`/assignments?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      setItems((old) => (cursor && old ? [...old, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  async function loadMore() {
    setLoadingMore(true);
    await load(nextCursor);
    setLoadingMore(false);
  }

  return (
    <>
      <div className="page-head">
        <h1>Your assignments</h1>
        <Link to="/upload" className="button primary">
          Upload an assignment
        </Link>
      </div>
      {error ? <ErrorNotice message={`Your assignments could not be loaded. ${error}`} onRetry={() => void load(null)} /> : null}
      {items === null && !error ? <Loading label="Loading your assignments…" /> : null}
      {items !== null && items.length === 0 ? (
        <div className="card empty">
          <h2>No assignments yet</h2>
          <p className="muted">Upload a lab assignment (.docx or .pdf) and LabMate will find its questions.</p>
          <Link to="/upload" className="button primary">
            Upload your first assignment
          </Link>
        </div>
      ) : null}
      {items !== null && items.length > 0 ? (
        <ul className="list" aria-label="Assignments">
          {items.map((item) => (
            <li key={item.id} className="card list-item">
              <div className="grow">
                <Link to={`/assignments/${item.id}`} className="title">
                  {item.originalName}
                </Link>
                <div className="meta">
                  {item.format.toUpperCase()} · {plural(item.taskCount, 'task')} · uploaded {formatDate(item.createdAt)}
                </div>
              </div>
              {item.ai.status === 'pending' ? <span className="badge busy">AI checking questions</span> : null}
              {item.warnings.length > 0 ? <span className="badge warn">{plural(item.warnings.length, 'warning')}</span> : null}
              <div className="row">
                <Link to={`/assignments/${item.id}`} className="button small" aria-label={`Open ${item.originalName}`}>
                  Open
                </Link>
                {item.lastReport?.docx ? (
                  <a className="button small" href={item.lastReport.docx} download aria-label={`Download report of ${item.originalName} (DOCX, ${formatDate(item.lastReport.createdAt)})`}>
                    Download report
                  </a>
                ) : null}
                <button
                  type="button"
                  className="button small danger"
                  aria-label={`Delete ${item.originalName}`}
                  onClick={() => deletion.ask(item)}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {nextCursor ? (
        <p className="below">
          <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Show more'}
          </button>
        </p>
      ) : null}
      <ConfirmActionDialog action={deletion} title="Delete this assignment?" confirmLabel="Delete" danger>
        <p>
          “{deletion.target?.originalName}” will be deleted with its tasks, runs, screenshots and reports. This cannot be undone.
        </p>
      </ConfirmActionDialog>
    </>
  );
}
