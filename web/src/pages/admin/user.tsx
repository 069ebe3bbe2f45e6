import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { UserBadges } from '../../admin/badges';
import { CopyButton } from '../../admin/copy-button';
import { PlanLimitsList } from '../../admin/plan-limits';
import type { AccessChanged, AdminUserDetail, DefaultLimits, ListedPlan, ResetLink, Role } from '../../admin/types';
import { useApiGet } from '../../admin/use-api-get';
import { api } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { ConfirmActionDialog } from '../../components/confirm-action-dialog';
import { ErrorNotice, Loading } from '../../components/notice';
import { usePageTitle } from '../../components/page-title';
import { useAsyncAction } from '../../components/use-async-action';
import { useConfirmAction } from '../../components/use-confirm-action';
import { formatBytes } from '../../files';
import { formatDate, plural } from '../../format';

type Change = { disabled: boolean } | { role: Role };

interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
  danger: boolean;
}

function confirmationOf(user: AdminUserDetail, change: Change): Confirmation {
  if ('disabled' in change) {
    return {
      title: `Disable ${user.email}?`,
      body: 'They are signed out everywhere at once and cannot sign in until the account is enabled again. Their assignments and files are kept.',
      confirmLabel: 'Disable account',
      danger: true,
    };
  }
  return change.role === 'student'
    ? { title: `Make ${user.email} a student?`, body: 'They lose the admin console at once.', confirmLabel: 'Make student', danger: true }
    : {
        title: `Make ${user.email} an administrator?`,
        body: 'They will see every account, can disable users, change plans and invites, and read the audit log.',
        confirmLabel: 'Make administrator',
        danger: false,
      };
}

/** One account: its usage, access (disable, role), plan and a password reset link. */
export function AdminUserPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const announce = useAnnounce();
  const detail = useApiGet<AdminUserDetail>(`/admin/users/${id}`);
  const plans = useApiGet<{ items: ListedPlan[]; defaults: DefaultLimits }>('/admin/plans');
  const user = detail.data;
  usePageTitle(user ? user.name : 'User');
  const back = (location.state as { back?: string } | null)?.back ?? '';

  const [accessNote, setAccessNote] = useState<string | null>(null);
  const access = useConfirmAction(async (body: Change) => {
    if (!user) return;
    const changed = await api.patch<AccessChanged>(`/admin/users/${user.id}`, body);
    detail.setData({ ...user, ...changed });
    const note =
      'disabled' in body
        ? body.disabled
          ? `Disabled ${changed.email}; ${plural(changed.revokedSessions, 'session')} ended.`
          : `Enabled ${changed.email}; they can sign in again.`
        : `${changed.email} is now ${changed.role === 'admin' ? 'an administrator' : 'a student'}.`;
    setAccessNote(note);
    announce(note);
  });
  const confirming = access.target && user ? confirmationOf(user, access.target) : null;

  const planSelect = useId();
  const [planChoice, setPlanChoice] = useState('');
  const planAssignment = useAsyncAction();
  const currentPlanId = user?.planLimits?.id ?? '';
  useEffect(() => setPlanChoice(currentPlanId), [currentPlanId]);

  const [reset, setReset] = useState<ResetLink | null>(null);
  const resetIssue = useAsyncAction();

  function assignPlan(event: FormEvent) {
    event.preventDefault();
    if (!user) return;
    void planAssignment.run(async () => {
      await api.put(`/admin/users/${user.id}/plan`, { planId: planChoice || null });
      const name = plans.data?.items.find((plan) => plan.id === planChoice)?.name;
      announce(name ? `${user.email} is now on the plan ${name}.` : `${user.email} now has the server defaults.`);
      detail.reload();
    });
  }

  function issueReset() {
    if (!user) return;
    void resetIssue.run(async () => {
      setReset(await api.post<ResetLink>(`/admin/users/${user.id}/password-reset`));
      announce('Password reset link created.');
    });
  }

  return (
    <>
      <p className="back-link">
        <Link to={`/admin/users${back}`}>← All users</Link>
      </p>
      <div className="page-head with-badges">
        <h1>{user ? user.name : 'User'}</h1>
        {user ? (
          <div className="row">
            <UserBadges user={user} />
          </div>
        ) : null}
      </div>
      {detail.error ? <ErrorNotice message={`This user could not be loaded. ${detail.error}`} onRetry={detail.reload} /> : null}
      {user === null && !detail.error ? <Loading label="Loading the user…" /> : null}
      {user ? (
        <>
          <p className="muted">
            {user.email} · joined {formatDate(user.createdAt)} · {user.lastSeenAt ? `last seen ${formatDate(user.lastSeenAt)}` : 'not seen recently'}
          </p>
          <div className="admin-grid">
            <section className="card" aria-labelledby="access-heading">
              <h2 id="access-heading">Access</h2>
              {accessNote ? (
                <div className="notice ok" role="status">
                  <p>{accessNote}</p>
                </div>
              ) : null}
              {access.error && access.target === null ? <ErrorNotice message={access.error} /> : null}
              <dl className="facts">
                <div>
                  <dt>Status</dt>
                  <dd>{user.disabled ? `Disabled${user.disabledAt ? ` since ${formatDate(user.disabledAt)}` : ''}` : 'Active'}</dd>
                </div>
                <div>
                  <dt>Role</dt>
                  <dd>{user.role === 'admin' ? 'Administrator' : 'Student'}</dd>
                </div>
              </dl>
              <div className="row">
                {user.disabled ? (
                  <button type="button" className="button" disabled={access.busy} onClick={() => access.run({ disabled: false })}>
                    Enable account
                  </button>
                ) : (
                  <button type="button" className="button danger" onClick={() => access.ask({ disabled: true })}>
                    Disable account
                  </button>
                )}
                <button type="button" className="button" onClick={() => access.ask({ role: user.role === 'admin' ? 'student' : 'admin' })}>
                  {user.role === 'admin' ? 'Make student' : 'Make administrator'}
                </button>
              </div>
            </section>

            <section className="card" aria-labelledby="plan-heading">
              <h2 id="plan-heading">Plan</h2>
              <p>{user.plan ? `On the plan “${user.plan}”:` : 'No plan: the server’s default limits apply.'}</p>
              {user.planLimits ? <PlanLimitsList limits={user.planLimits} /> : plans.data ? <PlanLimitsList limits={plans.data.defaults} /> : null}
              <form onSubmit={assignPlan}>
                {planAssignment.error ? <ErrorNotice message={planAssignment.error} /> : null}
                {plans.error ? <ErrorNotice message={`The plans could not be loaded. ${plans.error}`} onRetry={plans.reload} /> : null}
                <div className="field">
                  <label htmlFor={planSelect}>Plan for this user</label>
                  <select id={planSelect} value={planChoice} onChange={(event) => setPlanChoice(event.target.value)} disabled={!plans.data}>
                    <option value="">Server defaults (no plan)</option>
                    {plans.data?.items.map((plan) => (
                      <option key={plan.id} value={plan.id}>
                        {plan.name}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button primary" disabled={planAssignment.busy || !plans.data || planChoice === currentPlanId}>
                  {planAssignment.busy ? <span className="spinner" aria-hidden="true" /> : null}
                  Assign plan
                </button>
              </form>
            </section>

            <section className="card" aria-labelledby="usage-heading">
              <h2 id="usage-heading">Usage</h2>
              <dl className="facts">
                <div>
                  <dt>Uploads</dt>
                  <dd>{user.usage.uploads.toLocaleString()}</dd>
                </div>
                <div>
                  <dt>Storage</dt>
                  <dd>{formatBytes(user.usage.storageBytes)}</dd>
                </div>
                <div>
                  <dt>Runs</dt>
                  <dd>{user.usage.runs.toLocaleString()}</dd>
                </div>
                <div>
                  <dt>Reports</dt>
                  <dd>{user.usage.reports.toLocaleString()}</dd>
                </div>
                <div>
                  <dt>AI tokens</dt>
                  <dd>{user.usage.aiTokens.toLocaleString()}</dd>
                </div>
              </dl>
              <p>
                <Link to={`/admin/audit?userId=${user.id}`}>Audit log entries about this user</Link>
              </p>
            </section>

            <section className="card" aria-labelledby="password-heading">
              <h2 id="password-heading">Password</h2>
              <p className="muted">A one-time link lets {user.name} set a new password. Send it to them yourself; it works once, for 24 hours.</p>
              {resetIssue.error ? <ErrorNotice message={resetIssue.error} /> : null}
              {reset ? (
                <div className="notice ok" role="status">
                  <p>Reset link, valid until {formatDate(reset.expiresAt)}:</p>
                  <p className="secret">
                    <code>{reset.link}</code>
                  </p>
                  <CopyButton text={reset.link} label="Copy link" />
                </div>
              ) : null}
              <button type="button" className="button" onClick={issueReset} disabled={resetIssue.busy}>
                {resetIssue.busy ? <span className="spinner" aria-hidden="true" /> : null}
                {reset ? 'Create another link' : 'Create a password reset link'}
              </button>
            </section>
          </div>
        </>
      ) : null}
      <ConfirmActionDialog action={access} title={confirming?.title ?? ''} confirmLabel={confirming?.confirmLabel ?? ''} danger={confirming?.danger ?? false}>
        <p>{confirming?.body}</p>
      </ConfirmActionDialog>
    </>
  );
}
