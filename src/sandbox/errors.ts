/** The host cannot sandbox programs (no working bubblewrap or no compiler for the supervisor): nothing runs. */
export class SandboxUnavailableError extends Error {
  override name = 'SandboxUnavailableError';
}

/** The request itself is malformed (unknown language, bad input file name): a caller's error, not the program's. */
export class InvalidRunRequestError extends Error {
  override name = 'InvalidRunRequestError';
}
