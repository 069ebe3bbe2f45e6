import { QUOTA_FIELDS, formatLimit } from './plan-values';
import type { DefaultLimits, PlanLimits } from './types';

/** A plan's (or the server's default) limits as a list of label and value with its unit. */
export function PlanLimitsList({ limits }: { limits: PlanLimits | DefaultLimits }) {
  return (
    <dl className="facts">
      {QUOTA_FIELDS.map((field) => {
        const value = limits[field.key];
        return (
          <div key={field.key}>
            <dt>{field.label}</dt>
            <dd>{value === null ? 'No AI on this server' : formatLimit(field.key, value)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
