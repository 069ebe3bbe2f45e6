import { ApiError, messageOf } from './api/problem';

/** What a form shows for a failed request: a sentence under each invalid field it has, and the notice above it. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  /** The problem's detail, or null when every invalid field already shows its own sentence. */
  notice: string | null;
}

/**
 * Splits a failure into sentences under this form's fields ("New password must be at least 8 characters.") and the
 * notice above the form, for whatever no field of this form can show.
 */
export function formErrors<F extends string>(error: unknown, labels: Record<F, string>): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  const invalid = error instanceof ApiError ? error.fields : [];
  for (const { field, message } of invalid) {
    if (!Object.hasOwn(labels, field)) continue;
    const sentence = `${labels[field as F]} ${message}`;
    fields[field as F] = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  }
  const allPlaced = invalid.length > 0 && invalid.every(({ field }) => Object.hasOwn(fields, field));
  return { fields, notice: allPlaced ? null : messageOf(error) };
}
