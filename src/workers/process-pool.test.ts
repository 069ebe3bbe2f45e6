import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { PoolTaskInput } from '../../test/fixtures/pool-tasks.js';
import { alive, finished, firstLine, startScript } from '../../test/helpers/processes.js';
import { until } from '../../test/helpers/until.js';
import { ProcessPool } from './process-pool.js';
import { ThreadCrashError, ThreadTaskTimeoutError } from './thread-pool.js';

const TASKS = new URL('../../test/fixtures/pool-tasks.js', import.meta.url);
const pools: ProcessPool[] = [];

function pool(options: { size?: number; niceness?: number } = {}): ProcessPool {
  const created = new ProcessPool({ size: options.size ?? 1, niceness: options.niceness ?? 0 });
  pools.push(created);
  return created;
}

function run<T>(on: ProcessPool, input: PoolTaskInput, timeoutMs = 30_000): Promise<T> {
  return on.run<T>(TASKS, input, { timeoutMs });
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()));
});

describe('ProcessPool', () => {
  it('returns what the task returns, structured-cloned, from a process of its own', async () => {
    const tasks = pool();
    const value = { text: 'ok', bytes: new Uint8Array([1, 2, 3]), list: [1, null] };
    expect(await run(tasks, { do: 'echo', value })).toEqual(value);
    expect(tasks.pid).not.toBe(process.pid);
  });

  it('passes a task\'s urgency on to its threads', async () => {
    const tasks = pool();
    const done: string[] = [];
    const queue = (name: string, urgent: boolean) => tasks.run(TASKS, { do: 'echo', value: name }, { timeoutMs: 30_000, urgent }).then(() => done.push(name));
    await Promise.all([run(tasks, { do: 'sleep', ms: 500 }), queue('later', false), queue('first', true)]);
    expect(done).toEqual(['first', 'later']);
  });

  it('fails a task the way a ThreadPool does: what it threw, a timeout, a crashed thread', async () => {
    const tasks = pool();
    await expect(run(tasks, { do: 'throw', message: 'bad input' })).rejects.toThrow('bad input');
    await expect(run(tasks, { do: 'spin' }, 300)).rejects.toBeInstanceOf(ThreadTaskTimeoutError);
    await expect(run(tasks, { do: 'exit' })).rejects.toBeInstanceOf(ThreadCrashError);
    expect(await run(tasks, { do: 'echo', value: 'still here' })).toBe('still here');
  });

  it('runs in a session of its own at background priority, its scheduling group niced too', async () => {
    const tasks = pool({ niceness: 10 });
    expect((await run<{ priority: number }>(tasks, { do: 'whoami' })).priority).toBe(10);
    const pid = tasks.pid!;
    const session = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[3]);
    expect(session).toBe(pid);
    if (existsSync(`/proc/${pid}/autogroup`)) expect(readFileSync(`/proc/${pid}/autogroup`, 'utf8')).toMatch(/ nice 10\n$/);
  });

  it('fails the tasks of a process that died as crashes, and starts a new process for the next task', async () => {
    const tasks = pool();
    const stuck = run(tasks, { do: 'spin' });
    await until(() => tasks.pid !== undefined);
    const first = tasks.pid!;
    process.kill(first, 'SIGKILL');
    await expect(stuck).rejects.toBeInstanceOf(ThreadCrashError);
    expect(await run(tasks, { do: 'echo', value: 'again' })).toBe('again');
    expect(tasks.pid).not.toBe(first);
  });

  it('fails running tasks when closed, and refuses new ones', async () => {
    const tasks = pool();
    const running = run(tasks, { do: 'spin' });
    await tasks.close();
    await expect(running).rejects.toBeInstanceOf(ThreadCrashError);
    await expect(run(tasks, { do: 'echo', value: 2 })).rejects.toThrow('closed');
  });

  describe('used by a process of its own', () => {
    const client = new URL('../../test/fixtures/pool-process-client.ts', import.meta.url);

    it('ends with that process, even in the middle of a task', async () => {
      const user = startScript(client, ['hold']);
      const child = Number(await firstLine(user));
      expect(alive(child)).toBe(true);
      user.kill('SIGKILL');
      await until(() => !alive(child));
    });

    it('does not keep that process alive once its tasks are done', async () => {
      expect(await finished(startScript(client, ['idle']))).toEqual({ code: 0, printed: 'done\n' });
    });
  });
});
