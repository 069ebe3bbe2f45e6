import type { PlanLimits } from './types';

export type QuotaKey = keyof PlanLimits;

interface QuotaField {
  key: QuotaKey;
  label: string;
  /** The form field's label, naming the unit a number is typed in. */
  formLabel: string;
  /** The unit after a number ("500 MB"), where the label does not already say it. */
  unit: string;
  hint: string;
  max: number;
}

/** The limits a plan sets, as the admin console labels them, with the API's bounds. */
export const QUOTA_FIELDS: readonly QuotaField[] = [
  { key: 'runsPerHour', label: 'Runs per hour', formLabel: 'Runs per hour', unit: '', hint: 'Runs one user may start in any hour; 0 allows none.', max: 100_000 },
  { key: 'concurrentRuns', label: 'Runs at once', formLabel: 'Runs at once', unit: '', hint: 'Runs one user may have waiting or running together.', max: 100 },
  { key: 'storageMb', label: 'Storage', formLabel: 'Storage (MB)', unit: 'MB', hint: 'Megabytes of uploads and run files one user may keep.', max: 10_000_000 },
  { key: 'aiTokensPerDay', label: 'AI tokens per day', formLabel: 'AI tokens per day', unit: '', hint: 'Prompt and completion tokens one user may use per UTC day.', max: 1_000_000_000 },
];

export const PLAN_NAME_MAX = 60;

/** A plan form's fields as typed. */
export type PlanFormValues = { name: string } & Record<QuotaKey, string>;

export type PlanFormErrors = Partial<Record<keyof PlanFormValues, string>>;

/** Each field's label, for the server's sentences about a field. */
export const PLAN_FIELD_LABELS: Record<keyof PlanFormValues, string> = {
  name: 'Name',
  ...(Object.fromEntries(QUOTA_FIELDS.map((field) => [field.key, field.formLabel])) as Record<QuotaKey, string>),
};

/** The body the API takes for a plan. */
export type PlanBody = { name: string } & PlanLimits;

/** A limit with its unit, if it has one: "500 MB", "30". */
export function formatLimit(key: QuotaKey, value: number): string {
  const field = QUOTA_FIELDS.find((candidate) => candidate.key === key);
  return `${value.toLocaleString()} ${field?.unit ?? ''}`.trim();
}

/** The form's starting values: a plan's, or empty for a new one. */
export function planFormValues(plan?: PlanBody): PlanFormValues {
  return {
    name: plan?.name ?? '',
    runsPerHour: plan ? String(plan.runsPerHour) : '',
    concurrentRuns: plan ? String(plan.concurrentRuns) : '',
    storageMb: plan ? String(plan.storageMb) : '',
    aiTokensPerDay: plan ? String(plan.aiTokensPerDay) : '',
  };
}

// Digit groups as people type them: "200,000", "200 000", "200_000".
const GROUPING = /[\s,_]/g;
// The server refuses control characters in a name too.
const CONTROL = /\p{Cc}/u;

/** The API body for the typed values, or what to fix in each field (the same rules the server applies). */
export function validatePlan(values: PlanFormValues): { body: PlanBody; errors: null } | { body: null; errors: PlanFormErrors } {
  const errors: PlanFormErrors = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'Enter a name for the plan.';
  else if ([...name].length > PLAN_NAME_MAX) errors.name = `Use at most ${PLAN_NAME_MAX} characters.`;
  else if (CONTROL.test(name)) errors.name = 'Use letters, digits and punctuation only.';

  const limits: Partial<PlanLimits> = {};
  for (const field of QUOTA_FIELDS) {
    const text = values[field.key].replace(GROUPING, '');
    if (text === '') errors[field.key] = 'Enter a number.';
    else if (!/^\d+$/.test(text)) errors[field.key] = 'Enter a whole number, 0 or more.';
    else if (Number(text) > field.max) errors[field.key] = `At most ${field.max.toLocaleString()}.`;
    else limits[field.key] = Number(text);
  }
  if (Object.keys(errors).length > 0) return { body: null, errors };
  return { body: { name, ...(limits as PlanLimits) }, errors: null };
}
