import { plansRepository } from '../db/repositories/plans.repository.js';
import { errors } from '../errors.js';
import { auditAdminAction, type AdminActor } from './admin-actor.js';
import type { AccountDeps } from './deps.js';

/** An administrator deletes a plan; the users on it go back to the server's default limits. */
export async function deletePlan(deps: AccountDeps, input: { actor: AdminActor; planId: string }): Promise<void> {
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await plansRepository(trx).delete(input.planId))) throw errors.notFound('plan');
    await auditAdminAction(trx, { event: 'plan.delete', at: now, actor: input.actor, details: { planId: input.planId } });
  });
}
