// The child process of process-pool.ts: runs the tasks it is sent in a ThreadPool of its own and answers each.
import type { PoolProcessData, PoolProcessReply, PoolProcessRequest } from './process-pool.js';
import { ThreadCrashError, ThreadPool, ThreadTaskTimeoutError } from './thread-pool.js';

const data = JSON.parse(process.argv[2] ?? '{}') as PoolProcessData;
const pool = new ThreadPool({ size: data.size, niceness: data.niceness });

function reply(message: PoolProcessReply): void {
  try {
    process.send?.(message);
  } catch (error) {
    // A result that cannot be cloned still gets an answer, or its caller would wait for ever.
    process.send?.({ id: message.id, ok: false, kind: 'error', message: error instanceof Error ? error.message : String(error), code: undefined });
  }
}

process.on('message', (request: PoolProcessRequest) => {
  pool.run(new URL(request.script), request.input, request.options).then(
    (value) => reply({ id: request.id, ok: true, value }),
    (error: Error) => {
      const kind = error instanceof ThreadTaskTimeoutError ? 'timeout' : error instanceof ThreadCrashError ? 'crash' : 'error';
      reply({ id: request.id, ok: false, kind, message: error.message, code: error instanceof ThreadCrashError ? error.code : undefined });
    },
  );
});

// The server is gone: so is any reason to finish its tasks.
process.on('disconnect', () => process.exit(0));
