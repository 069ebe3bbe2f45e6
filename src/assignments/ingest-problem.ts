import { AppError } from '../errors.js';
import { IngestError } from '../ingest/problem.js';

/** The refusal of a document as the API's problem, keeping its status, slug, title and advice. */
export function refusalOf(error: unknown): unknown {
  if (!(error instanceof IngestError)) return error;
  const slug = error.problem.type.split('/').pop() ?? 'document-refused';
  return new AppError(error.problem.status, slug, error.problem.title, error.problem.detail);
}
