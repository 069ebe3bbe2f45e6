import { QUOTA_FIELDS, formatLimit } from './plan-values';
import type { PlanLimits } from './types';

/** A plan's limits as a list of label and value with its unit. */
export function PlanLimitsList({ limits }: { limits: PlanLimits }) {
  return (
    <dl className="facts">
      {QUOTA_FIELDS.map((field) => (
        <div key={field.key}>
          <dt>{field.label}</dt>
          <dd>{formatLimit(field.key, limits[field.key])}</dd>
        </div>
      ))}
    </dl>
  );
}
