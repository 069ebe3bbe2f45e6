import { Link } from 'react-router';
import { useApiGet } from '../../admin/use-api-get';
import type { Overview } from '../../admin/types';
import { ErrorNotice, Loading } from '../../components/notice';
import { usePageTitle } from '../../components/page-title';
import { formatBytes } from '../../files';
import { plural } from '../../format';

interface Stat {
  label: string;
  value: string;
  detail?: string;
  to?: string;
}

function statsOf(overview: Overview): Stat[] {
  const { users, feedback } = overview;
  return [
    {
      label: 'Users',
      value: users.total.toLocaleString(),
      detail: `${plural(users.admins, 'admin')} · ${users.disabled.toLocaleString()} disabled · ${users.newLast7Days.toLocaleString()} new this week`,
      to: '/admin/users',
    },
    { label: 'Active sessions', value: overview.activeSessions.toLocaleString(), detail: 'Signed in and used recently' },
    { label: 'Assignments', value: overview.assignments.toLocaleString(), detail: 'Uploaded documents' },
    { label: 'Storage', value: formatBytes(overview.storageBytes), detail: 'Uploads and run files' },
    {
      label: 'Feedback',
      value: feedback.total.toLocaleString(),
      detail: feedback.averageRating === null ? 'No ratings yet' : `Average rating ${feedback.averageRating.toFixed(1)} of 5`,
      to: '/admin/feedback',
    },
    { label: 'Open invites', value: overview.openInvites.toLocaleString(), detail: 'Not used up, expired or revoked', to: '/admin/invites' },
  ];
}

/** The server at a glance: counts of users, sessions, assignments, storage, feedback and invites. */
export function AdminOverviewPage() {
  usePageTitle('Admin overview');
  const overview = useApiGet<Overview>('/admin/overview');
  return (
    <>
      <h1>Admin overview</h1>
      {overview.error ? <ErrorNotice message={`The overview could not be loaded. ${overview.error}`} onRetry={overview.reload} /> : null}
      {overview.data === null && !overview.error ? <Loading label="Loading the overview…" /> : null}
      {overview.data ? (
        <dl className="stat-grid">
          {statsOf(overview.data).map((stat) => (
            <div key={stat.label} className="card stat">
              <dt>{stat.to ? <Link to={stat.to}>{stat.label}</Link> : stat.label}</dt>
              <dd className="stat-value">{stat.value}</dd>
              {stat.detail ? <dd className="stat-detail">{stat.detail}</dd> : null}
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}
