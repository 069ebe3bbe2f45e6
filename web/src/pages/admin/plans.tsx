import { useState } from 'react';
import { DataTable } from '../../admin/data-table';
import { ListStatus } from '../../admin/list-status';
import { PlanForm } from '../../admin/plan-form';
import { formatLimit } from '../../admin/plan-values';
import type { ListedPlan, Plan } from '../../admin/types';
import { useApiGet } from '../../admin/use-api-get';
import { api } from '../../api';
import { messageOf } from '../../api/problem';
import { useAnnounce } from '../../components/announcer';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/notice';
import { usePageTitle } from '../../components/page-title';
import { plural } from '../../format';

type Editing = { kind: 'new' } | { kind: 'edit'; plan: Plan } | null;

/** Named plans with their limits: create, edit and delete them (users are put on one from their page). */
export function AdminPlansPage() {
  usePageTitle('Plans and quotas');
  const announce = useAnnounce();
  const plans = useApiGet<{ items: ListedPlan[] }>('/admin/plans');
  const [editing, setEditing] = useState<Editing>(null);
  const [toDelete, setToDelete] = useState<ListedPlan | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  function saved(plan: Plan) {
    announce(editing?.kind === 'edit' ? `Saved the plan ${plan.name}.` : `Created the plan ${plan.name}.`);
    setEditing(null);
    plans.reload();
  }

  async function confirmDelete() {
    if (!toDelete) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await api.delete(`/admin/plans/${toDelete.id}`);
      announce(`Deleted the plan ${toDelete.name}.`);
      setToDelete(null);
      plans.reload();
    } catch (failure) {
      setDeleteError(messageOf(failure));
    } finally {
      setDeleting(false);
    }
  }

  const items = plans.data?.items;
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
      {editing ? (
        <PlanForm key={editing.kind === 'edit' ? editing.plan.id : 'new'} {...(editing.kind === 'edit' ? { plan: editing.plan } : {})} onSaved={saved} onCancel={() => setEditing(null)} />
      ) : null}
      <ListStatus list={plans} noun="plans" empty="No plans yet: every user has the server’s default limits." />
      {items && items.length > 0 ? (
        <DataTable caption="Plans" busy={plans.loading}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Runs per hour</th>
              <th scope="col">Runs at once</th>
              <th scope="col">Storage</th>
              <th scope="col">AI tokens per day</th>
              <th scope="col">Users</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((plan) => (
              <tr key={plan.id}>
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
                    <button
                      type="button"
                      className="button small danger"
                      aria-label={`Delete ${plan.name}`}
                      onClick={() => {
                        setDeleteError(null);
                        setToDelete(plan);
                      }}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this plan?"
        confirmLabel="Delete plan"
        danger
        busy={deleting}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setToDelete(null)}
      >
        <p>
          “{toDelete?.name}” will be deleted.{' '}
          {toDelete && toDelete.userCount > 0
            ? `${toDelete.userCount === 1 ? 'The one user on it goes' : `The ${plural(toDelete.userCount, 'user')} on it go`} back to the server’s default limits.`
            : 'No user is on it.'}
        </p>
        {deleteError ? <ErrorNotice message={deleteError} /> : null}
      </ConfirmDialog>
    </>
  );
}
