import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { ApiError, messageOf } from '../api/problem';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { PLAN_NAME_MAX, QUOTA_FIELDS, planFormValues, validatePlan, type PlanFormErrors, type PlanFormValues } from './plan-values';
import type { Plan } from './types';

interface PlanFormProps {
  /** The plan to edit; a new one is created without it. */
  plan?: Plan;
  onSaved(plan: Plan): void;
  onCancel(): void;
}

/** Creates or edits a plan: its name and every limit, checked here first and then by the server. */
export function PlanForm({ plan, onSaved, onCancel }: PlanFormProps) {
  const [values, setValues] = useState<PlanFormValues>(() => planFormValues(plan));
  const [errors, setErrors] = useState<PlanFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const idPrefix = plan ? `plan-${plan.id}` : 'plan-new';

  useEffect(() => heading.current?.focus(), []);

  const set = (key: keyof PlanFormValues) => (event: { target: { value: string } }) => setValues((old) => ({ ...old, [key]: event.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const checked = validatePlan(values);
    setErrors(checked.errors ?? {});
    if (!checked.body) {
      const first = Object.keys(checked.errors)[0];
      document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = plan ? await api.patch<Plan>(`/admin/plans/${plan.id}`, checked.body) : await api.post<Plan>('/admin/plans', checked.body);
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiError && failure.fields.length > 0) {
        const byField: PlanFormErrors = {};
        for (const { field, message } of failure.fields) if (field in values) byField[field as keyof PlanFormValues] = message;
        setErrors(byField);
      }
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  return (
    <form className="card plan-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`} ref={heading} tabIndex={-1}>
        {plan ? `Edit the plan “${plan.name}”` : 'New plan'}
      </h2>
      {error ? <ErrorNotice message={error} /> : null}
      <TextField id={`${idPrefix}-name`} type="text" label="Name" hint={`Up to ${PLAN_NAME_MAX} characters, e.g. a course.`} value={values.name} onChange={set('name')} error={errors.name} autoComplete="off" required />
      <div className="grid-2">
        {QUOTA_FIELDS.map((field) => (
          <TextField
            key={field.key}
            id={`${idPrefix}-${field.key}`}
            label={field.formLabel}
            hint={field.hint}
            type="text"
            inputMode="numeric"
            value={values[field.key]}
            onChange={set(field.key)}
            error={errors[field.key]}
            autoComplete="off"
            required
          />
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
