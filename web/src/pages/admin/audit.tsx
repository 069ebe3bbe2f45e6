import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { AUDIT_EVENT_LABELS, auditEventLabel } from '../../admin/audit-events';
import { auditFilterOf, auditFilterProblem, auditQuery, type AuditFilter } from '../../admin/audit-filter';
import { ListTable } from '../../admin/list-table';
import { apiPath, withFilters } from '../../admin/query-string';
import type { AuditEntry } from '../../admin/types';
import { useApiGet } from '../../admin/use-api-get';
import { useCursorPaging } from '../../admin/use-cursor-paging';
import type { Page } from '../../api/types';
import { ErrorNotice } from '../../components/notice';
import { usePageTitle } from '../../components/page-title';
import { formatDate } from '../../format';

/** An entry's details as "key: value" pairs. */
function detailsText(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** The account an entry is about or by: a link to it, "deleted account" once it is gone, or a dash for none. */
function Person({ id, email }: { id: string | null; email: string | null }) {
  if (id === null) return <span className="muted">—</span>;
  if (email === null) return <span className="muted">Deleted account</span>;
  return <Link to={`/admin/users/${id}`}>{email}</Link>;
}

/** The filter form; it starts from the address each time the address changes (its key), so back and forward show theirs. */
function AuditFilterForm({ filter, onApply }: { filter: AuditFilter; onApply(filter: AuditFilter): void }) {
  const [draft, setDraft] = useState(filter);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = auditFilterProblem(draft);
    setProblem(found);
    if (!found) onApply(draft);
  }

  return (
    <form className="card filters-card" onSubmit={onSubmit} aria-label="Filter the audit log">
      {problem ? <ErrorNotice message={problem} /> : null}
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-event`}>Event</label>
          <select id={`${id}-event`} value={draft.event} onChange={(event) => setDraft({ ...draft, event: event.target.value })}>
            <option value="">Every event</option>
            {Object.entries(AUDIT_EVENT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label} ({value})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To (included)</label>
          <input id={`${id}-to`} type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </div>
        <div className="field filters-actions">
          <button type="submit" className="button primary">
            Apply filters
          </button>
        </div>
      </div>
    </form>
  );
}

/** The audit log, newest first: every sign-in, account and admin change, filtered by event, user and days. */
export function AdminAuditPage() {
  usePageTitle('Audit log');
  const location = useLocation();
  const navigate = useNavigate();
  const paging = useCursorPaging();
  const filter = auditFilterOf(location.search);
  const problem = auditFilterProblem(filter);
  const audit = useApiGet<Page<AuditEntry>>(problem ? null : apiPath('/admin/audit', { ...auditQuery(filter), cursor: paging.cursor }));
  const filtered = Boolean(filter.userId || filter.event || filter.from || filter.to);
  const items = problem ? undefined : audit.data?.items;
  const subject = filter.userId ? (items?.find((entry) => entry.userId === filter.userId)?.userEmail ?? 'one user') : null;

  function apply(next: AuditFilter) {
    navigate({ search: withFilters(location.search, { event: next.event, from: next.from, to: next.to }) });
  }

  return (
    <>
      <h1>Audit log</h1>
      <AuditFilterForm key={location.search} filter={filter} onApply={apply} />
      {subject ? (
        <p className="row">
          <span>Only entries about {subject}.</span>
          <button type="button" className="button small" onClick={() => navigate({ search: withFilters(location.search, { userId: null }) })}>
            Show every user
          </button>
        </p>
      ) : null}
      {filtered ? (
        <p>
          <button type="button" className="link-button" onClick={() => navigate({ search: '' })}>
            Clear every filter
          </button>
        </p>
      ) : null}
      {problem ? (
        <ErrorNotice message={problem} />
      ) : (
        <ListTable
          list={audit}
          noun="audit log entries"
          empty={filtered ? 'No entries match these filters.' : 'The audit log is empty.'}
          caption={filtered ? 'Audit log entries matching the filters, newest first' : 'Audit log entries, newest first'}
          hideCaption
          columns={['When', 'Event', 'About', 'By', 'Address', 'Details']}
          pages={{ paging, label: 'Pages of the audit log' }}
          row={(entry) => (
            <tr>
              <th scope="row" className="nowrap">
                {formatDate(entry.occurredAt)}
              </th>
              <td className="text">
                {auditEventLabel(entry.event)}
                <br />
                <code className="muted">{entry.event}</code>
              </td>
              <td>
                <Person id={entry.userId} email={entry.userEmail} />
              </td>
              <td>
                <Person id={entry.actorId} email={entry.actorEmail} />
              </td>
              <td className="nowrap">{entry.ip ?? <span className="muted">—</span>}</td>
              <td className="details">{detailsText(entry.details)}</td>
            </tr>
          )}
        />
      )}
    </>
  );
}
