/** One invalid field of a 422 problem. */
export interface FieldError {
  field: string;
  message: string;
}

/** A failed API call; its message is the server's `detail`, written to be shown to the user as it is. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The problem's stable slug (`csrf`, `validation`, `unauthenticated`…), or `network` / `unexpected`. */
    readonly type: string,
    readonly fields: FieldError[] = [],
    readonly requestId: string | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((entry) =>
    typeof entry['field'] === 'string' && typeof entry['message'] === 'string' ? [{ field: entry['field'], message: entry['message'] }] : [],
  );
}

/**
 * The error for a failed response from its status and parsed body: a problem+json body gives its `detail`, field
 * errors and request id; anything else (a proxy's HTML page, an empty body) a plain sentence without status jargon.
 */
export function problemError(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  if (isRecord(body) && typeof body['detail'] === 'string' && body['detail'] !== '') {
    const type = typeof body['type'] === 'string' ? body['type'].replace(/^\/problems\//, '') : 'unexpected';
    const requestId = typeof body['requestId'] === 'string' ? body['requestId'] : null;
    const detail = status >= 500 && requestId ? `${body['detail']} (Reference: ${requestId})` : body['detail'];
    return new ApiError(detail, status, type, fieldErrors(body['errors']), requestId, seconds);
  }
  if (status === 401) return new ApiError('Sign in to continue.', status, 'unauthenticated');
  if (status === 413) return new ApiError('The file or request is too large for this server.', status, 'payload-too-large');
  if (status === 429) return new ApiError('Too many requests; wait a moment and try again.', status, 'rate-limited', [], null, seconds);
  if (status >= 500) return new ApiError('The server is having trouble right now; try again in a moment.', status, 'unexpected');
  return new ApiError('The server could not handle this request; reload the page and try again.', status, 'unexpected');
}

/** The error for a request that never got an answer (offline, server down, connection cut). */
export function networkError(): ApiError {
  return new ApiError('Could not reach LabMate; check your connection and try again.', 0, 'network');
}

/** The message to show for anything thrown: an ApiError's detail, or a generic sentence for programming errors. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong in the page; reload it and try again.';
}
