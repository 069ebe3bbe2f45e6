/** A failure with a stable problem `type`, an HTTP status and a message safe to show to the user. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  /** Whether the failure is the server's fault (logged as an error, never shown in detail). */
  get reportable(): boolean {
    return this.status >= 500;
  }
}

export interface FieldError {
  field: string;
  message: string;
}

/** The one catalogue of errors; each fixes its status and stable `type` slug (RFC 9457 `type` is `/problems/<slug>`). */
export const errors = {
  badRequest: (detail: string) => new AppError(400, 'bad-request', 'Bad request', detail),
  validation: (fields: FieldError[]) =>
    new AppError(422, 'validation', 'Invalid input', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { errors: fields }),
  unauthenticated: () => new AppError(401, 'unauthenticated', 'Sign-in required', 'Sign in to use this resource.'),
  invalidCredentials: () =>
    new AppError(401, 'invalid-credentials', 'Wrong email or password', 'The email or password is not correct.'),
  forbidden: (detail = 'You are not allowed to do this.') => new AppError(403, 'forbidden', 'Forbidden', detail),
  csrf: (detail: string) => new AppError(403, 'csrf', 'Request forgery check failed', detail),
  signupClosed: (detail: string) => new AppError(403, 'signup-closed', 'Sign-up is not open', detail),
  notFound: (what = 'resource') => new AppError(404, 'not-found', 'Not found', `No such ${what}.`),
  methodNotAllowed: (method: string, allowed: string[]) =>
    new AppError(405, 'method-not-allowed', 'Method not allowed', `${method} is not allowed here; use ${allowed.join(', ')}.`, {
      allow: allowed,
    }),
  conflict: (detail: string) => new AppError(409, 'conflict', 'Conflict', detail),
  gone: (detail: string) => new AppError(410, 'gone', 'Gone', detail),
  payloadTooLarge: (limitBytes: number) =>
    new AppError(413, 'payload-too-large', 'Payload too large', `The request body exceeds the ${limitBytes}-byte limit.`),
  unsupportedMediaType: (type: string) =>
    new AppError(415, 'unsupported-media-type', 'Unsupported media type', `Content-Type ${type || '(none)'} is not accepted here.`),
  tooManyRequests: (retryAfterSeconds: number, detail = 'Too many requests; try again later.') =>
    new AppError(429, 'rate-limited', 'Too many requests', detail, { retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)) }),
  internal: () => new AppError(500, 'internal', 'Internal error', 'Something went wrong on our side.'),
  unavailable: (detail: string) => new AppError(503, 'unavailable', 'Service unavailable', detail),
  aiNotConfigured: () =>
    new AppError(501, 'ai-not-configured', 'AI is not configured', 'AI is not configured on this server; every other feature works without it.'),
  aiBudgetExceeded: (retryAfterSeconds: number) =>
    new AppError(429, 'ai-budget-exceeded', 'AI budget used up', "Today's AI budget is used up; it renews at midnight UTC.", {
      retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)),
    }),
  aiUnavailable: (detail: string) => new AppError(503, 'ai-unavailable', 'AI service unavailable', detail),
  aiBadOutput: (detail: string) => new AppError(502, 'ai-bad-output', 'AI answer unusable', detail),
};
