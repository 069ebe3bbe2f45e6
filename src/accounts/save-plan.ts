import { randomUUID } from 'node:crypto';
import { plansRepository, type PlanLimits } from '../db/repositories/plans.repository.js';
import type { PlanRow } from '../db/schema.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { errors } from '../errors.js';
import { auditAdminAction, type AdminActor } from './admin-actor.js';
import type { AccountDeps } from './deps.js';

/**
 * An administrator creates a named plan (no `planId`) or changes one; the limits are stored here and enforced by the
 * job system. Names are unique.
 */
export async function savePlan(
  deps: AccountDeps,
  input: { actor: AdminActor; planId?: string | undefined; changes: Partial<PlanLimits & { name: string }> },
): Promise<PlanRow> {
  const now = deps.clock().toISOString();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const plans = plansRepository(trx);
      let id = input.planId;
      if (id === undefined) {
        id = randomUUID();
        const { name, runs_per_hour, concurrent_runs, storage_mb, ai_tokens_per_day } = input.changes;
        if (name === undefined || runs_per_hour === undefined || concurrent_runs === undefined || storage_mb === undefined || ai_tokens_per_day === undefined) {
          throw errors.validation([{ field: 'body', message: 'a new plan needs a name and every limit' }]);
        }
        await plans.create({ id, name, runs_per_hour, concurrent_runs, storage_mb, ai_tokens_per_day, created_at: now, updated_at: now });
      } else if (!(await plans.update(id, input.changes, now))) {
        throw errors.notFound('plan');
      }
      await auditAdminAction(trx, {
        event: input.planId === undefined ? 'plan.create' : 'plan.update',
        at: now,
        actor: input.actor,
        details: { planId: id, ...input.changes },
      });
      const saved = await plans.find(id);
      if (!saved) throw errors.notFound('plan');
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflict(`A plan named ${JSON.stringify(input.changes.name)} already exists.`);
    throw error;
  }
}
