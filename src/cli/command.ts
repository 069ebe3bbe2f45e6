/** One sub-command of `labmate`: its usage text and what it does with the rest of argv. */
export interface CliCommand {
  /** Usage lines shown by `labmate help COMMAND` and on a usage error. */
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** Thrown for a malformed command line; main prints the message and the command's usage, then exits 64. */
export class UsageError extends Error {}

/** The arguments after the one sub-command a command accepts (`user create …`); a UsageError for anything else. */
export function afterSubcommand(argv: string[], expected: string): string[] {
  const [sub, ...rest] = argv;
  if (sub !== expected) throw new UsageError(sub ? `unknown sub-command '${sub}'` : 'missing sub-command');
  return rest;
}
