import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { PoolTaskInput } from '../../test/fixtures/pool-tasks.js';
import { ThreadCrashError, ThreadPool, ThreadTaskTimeoutError } from './thread-pool.js';

const TASKS = new URL('../../test/fixtures/pool-tasks.js', import.meta.url);
const pools: ThreadPool[] = [];

function pool(options: ConstructorParameters<typeof ThreadPool>[0] = {}): ThreadPool {
  const created = new ThreadPool(options);
  pools.push(created);
  return created;
}

function run<T>(threads: ThreadPool, input: PoolTaskInput, timeoutMs = 30_000): Promise<T> {
  return threads.run<T>(TASKS, input, { timeoutMs });
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()));
});

describe('ThreadPool', () => {
  it('runs tasks in at most `size` threads, reusing them, and queues the rest', async () => {
    const threads = pool({ size: 2 });
    const pending = Array.from({ length: 6 }, () => run<{ threadId: number }>(threads, { do: 'whoami' }));
    expect(threads.load).toEqual({ threads: 2, busy: 2, queued: 4 });
    const ids = new Set((await Promise.all(pending)).map((reply) => reply.threadId));
    expect(ids.size).toBeLessThanOrEqual(2);
    expect(threads.load).toEqual({ threads: 2, busy: 0, queued: 0 });
  });

  it('runs an urgent task before the queued ones that are not, and urgent ones in their order', async () => {
    const threads = pool({ size: 1 });
    const done: string[] = [];
    const queue = (name: string, urgent: boolean) => threads.run(TASKS, { do: 'echo', value: name }, { timeoutMs: 30_000, urgent }).then(() => done.push(name));
    const busy = run(threads, { do: 'sleep', ms: 200 });
    await Promise.all([busy, queue('a', false), queue('b', true), queue('c', true), queue('d', false)]);
    expect(done).toEqual(['b', 'c', 'a', 'd']);
  });

  it('returns what the task returns, structured-cloned', async () => {
    const value = { text: 'ok', bytes: new Uint8Array([1, 2, 3]), list: [1, null] };
    expect(await run(pool({ size: 1 }), { do: 'echo', value })).toEqual(value);
  });

  it('rejects with what the task threw and keeps the thread', async () => {
    const threads = pool({ size: 1 });
    const before = await run<{ threadId: number }>(threads, { do: 'whoami' });
    await expect(run(threads, { do: 'throw', message: 'bad input' })).rejects.toThrow('bad input');
    expect((await run<{ threadId: number }>(threads, { do: 'whoami' })).threadId).toBe(before.threadId);
  });

  it('stops a task past its time cap and serves the next one from a new thread', async () => {
    const threads = pool({ size: 1 });
    const before = await run<{ threadId: number }>(threads, { do: 'whoami' });
    const stuck = run(threads, { do: 'spin' }, 300);
    const next = run<{ threadId: number }>(threads, { do: 'whoami' });
    await expect(stuck).rejects.toBeInstanceOf(ThreadTaskTimeoutError);
    expect((await next).threadId).not.toBe(before.threadId);
  });

  it('surfaces a thread that exits as a crash of its task only, and replaces the thread', async () => {
    const threads = pool({ size: 2 });
    const results = await Promise.allSettled([run(threads, { do: 'exit' }), run(threads, { do: 'echo', value: 1 }), run(threads, { do: 'echo', value: 2 })]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.any(ThreadCrashError) });
    expect(results.slice(1)).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'fulfilled', value: 2 },
    ]);
    expect(await run(threads, { do: 'echo', value: 'after' })).toBe('after');
  });

  it('reports a thread that ran out of its heap with the worker error code', async () => {
    const threads = pool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } });
    const failure = await run(threads, { do: 'exhaust-memory' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ThreadCrashError);
    expect((failure as ThreadCrashError).code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    expect(await run(threads, { do: 'echo', value: 'alive' })).toBe('alive');
  });

  it('runs its threads at the given niceness while the calling thread keeps its own', async () => {
    const mine = getPriority();
    const reply = await run<{ priority: number }>(pool({ size: 1, niceness: 10 }), { do: 'whoami' });
    expect(reply.priority).toBe(Math.max(10, mine));
    expect(getPriority()).toBe(mine);
  });

  it('fails queued and running tasks when closed, and refuses new ones', async () => {
    const threads = pool({ size: 1 });
    const running = run(threads, { do: 'spin' });
    const queued = run(threads, { do: 'echo', value: 1 });
    const outcomes = Promise.allSettled([running, queued]);
    await threads.close();
    expect((await outcomes).map((outcome) => outcome.status === 'rejected' && String(outcome.reason))).toEqual(['Error: thread pool closed', 'Error: thread pool closed']);
    await expect(run(threads, { do: 'echo', value: 2 })).rejects.toThrow('closed');
  });
});
