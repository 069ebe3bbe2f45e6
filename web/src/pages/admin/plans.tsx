import { useState } from 'react';
import { ListTable } from '../../admin/list-table';
import { PlanForm } from '../../admin/plan-form';
import { PlanLimitsList } from '../../admin/plan-limits';
import { formatLimit } from '../../admin/plan-values';
import type { DefaultLimits, ListedPlan, Plan } from '../../admin/types';
import { useApiGet } from '../../admin/use-api-get';
import { api } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { ConfirmActionDialog } from '../../components/confirm-action-dialog';
import { usePageTitle } from '../../components/page-title';
import { useConfirmAction } from '../../components/use-confirm-action';
import { plural } from '../../format';

type Editing = { kind: 'new' } | { kind: 'edit'; plan: Plan } | null;

/** What deleting a plan means for the users on it. */
function whatDeletingDoes(userCount: number): string {
  if (userCount === 0) return 'No user is on it.';
  return `${userCount === 1 ? 'The one user on it goes' : `The ${plural(userCount, 'user')} on it go`} back to the server’s default limits.`;
}

/** Named plans with their limits: create, edit and delete them (users are put on one from their page). */
export function AdminPlansPage() {
  usePageTitle('Plans and quotas');
  const announce = useAnnounce();
  const plans = useApiGet<{ items: ListedPlan[]; defaults: DefaultLimits }>('/admin/plans');
  const [editing, setEditing] = useState<Editing>(null);
  const deletion = useConfirmAction(async (plan: ListedPlan) => {
    await api.delete(`/admin/plans/${plan.id}`);
    announce(`Deleted the plan ${plan.name}.`);
    plans.reload();
  });

  function saved(plan: Plan) {
    announce(editing?.kind === 'edit' ? `Saved the plan ${plan.name}.` : `Created the plan ${plan.name}.`);
    setEditing(null);
    plans.reload();
  }

  return (
    <>
      <div className="page-head">
        <h1>Plans and quotas</h1>
        {editing === null ? (
          <button type="button" className="button primary" onClick={() => setEditing({ kind: 'new' })}>
            New plan
          </button>
        ) : null}
      </div>
      <p className="muted">A plan replaces the server’s default limits for the users on it. Users without a plan keep the defaults.</p>
      {plans.data ? (
        <section className="card plan-defaults" aria-labelledby="defaults-heading">
          <h2 id="defaults-heading">Server defaults</h2>
          <p className="muted">For every user on no plan; set by the server’s configuration (LABMATE_RUNS_PER_HOUR, LABMATE_MAX_ACTIVE_RUNS, LABMATE_STORAGE_MB, LABMATE_AI_DAILY_TOKENS).</p>
          <PlanLimitsList limits={plans.data.defaults} />
        </section>
      ) : null}
      {editing ? (
        <PlanForm key={editing.kind === 'edit' ? editing.plan.id : 'new'} {...(editing.kind === 'edit' ? { plan: editing.plan } : {})} onSaved={saved} onCancel={() => setEditing(null)} />
      ) : null}
      <ListTable
        list={plans}
        noun="plans"
        empty="No plans yet: every user has the server’s default limits."
        caption="Plans"
        columns={['Name', 'Runs per hour', 'Runs at once', 'Storage', 'AI tokens per day', 'Users']}
        actions
        row={(plan) => (
          <tr>
            <th scope="row">{plan.name}</th>
            <td className="number">{plan.runsPerHour.toLocaleString()}</td>
            <td className="number">{plan.concurrentRuns.toLocaleString()}</td>
            <td className="number nowrap">{formatLimit('storageMb', plan.storageMb)}</td>
            <td className="number">{plan.aiTokensPerDay.toLocaleString()}</td>
            <td className="number">{plan.userCount.toLocaleString()}</td>
            <td>
              <div className="row nowrap">
                <button type="button" className="button small" aria-label={`Edit ${plan.name}`} onClick={() => setEditing({ kind: 'edit', plan })}>
                  Edit
                </button>
                <button type="button" className="button small danger" aria-label={`Delete ${plan.name}`} onClick={() => deletion.ask(plan)}>
                  Delete
                </button>
              </div>
            </td>
          </tr>
        )}
      />
      <ConfirmActionDialog action={deletion} title="Delete this plan?" confirmLabel="Delete plan" danger>
        {deletion.target ? (
          <p>
            “{deletion.target.name}” will be deleted. {whatDeletingDoes(deletion.target.userCount)}
          </p>
        ) : null}
      </ConfirmActionDialog>
    </>
  );
}
