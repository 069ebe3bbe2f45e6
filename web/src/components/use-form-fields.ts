import { useCallback, useState } from 'react';
import { formErrors } from '../field-errors';

/** The text fields of one form: their values, their errors, and what ties each input to both. */
export function useFormFields<V extends { [K in keyof V]: string }>(prefix: string, initial: V, onEdit?: () => void) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V, string>>>({});

  /** An input's id (for focus on error), name, value, change handler and error, to spread onto a TextField. */
  const bind = (field: keyof V & string) => ({
    id: `${prefix}-${field}`,
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => {
      onEdit?.();
      setValues((old) => ({ ...old, [field]: event.target.value }));
      setErrors((old) => ({ ...old, [field]: undefined }));
    },
    error: errors[field],
  });

  /** Shows these errors and moves focus to the first invalid field; answers whether there were any. */
  const showErrors = useCallback(
    (next: Partial<Record<keyof V, string>>): boolean => {
      setErrors(next);
      const first = Object.keys(next).find((field) => next[field as keyof V] !== undefined);
      if (first) document.getElementById(`${prefix}-${first}`)?.focus();
      return first !== undefined;
    },
    [prefix],
  );

  /** Shows a refused submission's field errors at their fields; returns what no field shows, for the notice above the form. */
  const showProblem = useCallback(
    <F extends keyof V & string>(failure: unknown, labels: Record<F, string>): string | null => {
      const problem = formErrors(failure, labels);
      // The labels name only fields of this form, so every key of problem.fields is one of V's.
      showErrors(problem.fields as Partial<Record<keyof V, string>>);
      return problem.notice;
    },
    [showErrors],
  );

  return { values, setValues, errors, bind, showErrors, showProblem };
}
