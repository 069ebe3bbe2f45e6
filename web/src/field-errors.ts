import { ApiError } from './api/problem';

/**
 * The invalid fields of a 422 problem as sentences to show under each field ("New password must be at least 8
 * characters."), for the fields this form has; other fields are left to the problem's detail.
 */
export function fieldSentences<F extends string>(error: unknown, labels: Record<F, string>): Partial<Record<F, string>> {
  const sentences: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return sentences;
  for (const { field, message } of error.fields) {
    if (!Object.hasOwn(labels, field)) continue;
    const sentence = `${labels[field as F]} ${message}`;
    sentences[field as F] = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  }
  return sentences;
}
