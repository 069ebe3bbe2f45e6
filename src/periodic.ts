/** A pass that repeats until stopped. */
export interface Periodic {
  /** No further pass starts; resolves once a pass under way has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` at once and again `everyMs` after each one ends (never two at once), until `stop`. The timer never keeps
 * a process alive that is otherwise done; a pass that fails is for `pass` itself to report.
 */
export function repeatEvery(everyMs: number, pass: () => Promise<unknown>): Periodic {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      running = pass()
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) schedule(everyMs);
        });
    }, delayMs);
    timer.unref();
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
