import { plansRepository } from '../db/repositories/plans.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import { errors } from '../errors.js';
import { auditAdminAction, type AdminActor } from './admin-actor.js';
import type { AccountDeps } from './deps.js';

/** An administrator puts a user on a plan, or on none (`planId` null: the server's default limits). */
export async function assignPlan(deps: AccountDeps, input: { actor: AdminActor; userId: string; planId: string | null }): Promise<void> {
  if (!(await usersRepository(deps.db).findById(input.userId))) throw errors.notFound('user');
  if (input.planId !== null && !(await plansRepository(deps.db).find(input.planId))) throw errors.notFound('plan');
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await plansRepository(trx).assign(input.userId, input.planId, now);
    await auditAdminAction(trx, { event: 'plan.assign', at: now, actor: input.actor, userId: input.userId, details: { planId: input.planId } });
  });
}
