import { useCallback, useState } from 'react';

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

  return { values, setValues, errors, bind, showErrors };
}
