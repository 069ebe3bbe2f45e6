import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { useFormFields } from '../components/use-form-fields';
import { PLAN_FIELD_LABELS, PLAN_NAME_MAX, QUOTA_FIELDS, planFormValues, validatePlan, type PlanFormValues } from './plan-values';
import type { Plan } from './types';

interface PlanFormProps {
  /** The plan to edit; a new one is created without it. */
  plan?: Plan;
  onSaved(plan: Plan): void;
  onCancel(): void;
}

/** Creates or edits a plan: its name and every limit, checked here first and then by the server. */
export function PlanForm({ plan, onSaved, onCancel }: PlanFormProps) {
  const idPrefix = plan ? `plan-${plan.id}` : 'plan-new';
  const { values, bind, showErrors, showProblem } = useFormFields<PlanFormValues>(idPrefix, planFormValues(plan));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const checked = validatePlan(values);
    if (showErrors(checked.errors ?? {}) || !checked.body) return;
    setBusy(true);
    try {
      const saved = plan ? await api.patch<Plan>(`/admin/plans/${plan.id}`, checked.body) : await api.post<Plan>('/admin/plans', checked.body);
      onSaved(saved);
    } catch (failure) {
      setError(showProblem(failure, PLAN_FIELD_LABELS));
      setBusy(false);
    }
  }

  return (
    <form className="card plan-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`} ref={heading} tabIndex={-1}>
        {plan ? `Edit the plan “${plan.name}”` : 'New plan'}
      </h2>
      {error ? <ErrorNotice message={error} /> : null}
      <TextField type="text" label={PLAN_FIELD_LABELS.name} hint={`Up to ${PLAN_NAME_MAX} characters, e.g. a course.`} autoComplete="off" required {...bind('name')} />
      <div className="grid-2">
        {QUOTA_FIELDS.map((field) => (
          <TextField key={field.key} type="text" inputMode="numeric" label={field.formLabel} hint={field.hint} autoComplete="off" required {...bind(field.key)} />
        ))}
      </div>
      <div className="row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {plan ? 'Save plan' : 'Create plan'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
