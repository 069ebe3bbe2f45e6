import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

/** What every thread of a ThreadPool is started with. */
export interface PoolThreadData {
  niceness: number;
}

/** One task: the module to run (a file URL) and its input. */
export interface PoolRequest {
  id: number;
  script: string;
  input: unknown;
}

/** A task's outcome: what `handle` returned, or the message of what it threw. */
export type PoolReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

interface TaskModule {
  handle(input: unknown): unknown;
}

const { niceness } = workerData as PoolThreadData;
if (niceness > getPriority()) {
  try {
    // Without a pid, Linux changes the calling thread only: this worker, not the event loop's thread.
    setPriority(niceness);
  } catch {
    // A platform without per-thread priorities: run at the process's.
  }
}

const modules = new Map<string, Promise<TaskModule>>();

async function run(request: PoolRequest): Promise<PoolReply> {
  try {
    let module = modules.get(request.script);
    if (!module) {
      module = import(request.script) as Promise<TaskModule>;
      modules.set(request.script, module);
    }
    return { id: request.id, ok: true, value: await (await module).handle(request.input) };
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: PoolRequest) => {
  void run(request).then((reply) => parentPort?.postMessage(reply));
});
