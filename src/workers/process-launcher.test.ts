import { afterEach, describe, expect, it } from 'vitest';
import { alive, finished, firstLine, startScript } from '../../test/helpers/processes.js';
import { until } from '../../test/helpers/until.js';
import { LAUNCHER_STOPPED, LaunchError, ProcessLauncher, type LaunchedProcess, type LaunchOptions } from './process-launcher.js';

const launchers: ProcessLauncher[] = [];

function launcher(): ProcessLauncher {
  const created = new ProcessLauncher();
  launchers.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(launchers.splice(0).map((created) => created.close()));
});

interface Outcome {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Starts `script` under /bin/sh; `ended` is its outcome, or the LaunchError it failed with. */
function launchShell(
  on: ProcessLauncher,
  script: string,
  options: Partial<LaunchOptions> = {},
): { process: LaunchedProcess; output: () => string; ended: Promise<Outcome | LaunchError> } {
  let stdout = '';
  let stderr = '';
  let process!: LaunchedProcess;
  const ended = new Promise<Outcome | LaunchError>((resolve) => {
    process = on.spawn('/bin/sh', ['-c', script], { env: {}, stdin: null, ...options }, {
      stdout: (chunk) => (stdout += chunk.toString()),
      stderr: (chunk) => (stderr += chunk.toString()),
      close: (code) => resolve({ stdout, stderr, code }),
      error: resolve,
    });
  });
  return { process, output: () => stdout, ended };
}

describe('ProcessLauncher', () => {
  it('starts a process with only the environment asked for, feeds its stdin, relays its output and exit code', async () => {
    const { ended } = launchShell(launcher(), 'read line; echo "got $line"; echo "$GREETING ${HOME-no home}" >&2; exit 3', {
      env: { GREETING: 'hello' },
      stdin: Buffer.from('typed\n'),
    });
    expect(await ended).toEqual({ stdout: 'got typed\n', stderr: 'hello no home\n', code: 3 });
  });

  it('kills the whole process group at once', async () => {
    const { process, output, ended } = launchShell(launcher(), 'sleep 60 & echo $!; wait');
    await until(() => output().endsWith('\n'));
    const sleep = Number(output());
    expect(alive(sleep)).toBe(true);
    process.kill();
    expect(await ended).toMatchObject({ code: null });
    await until(() => !alive(sleep));
  });

  it('reports a command that does not exist as ENOENT', async () => {
    const failed = await new Promise<LaunchError>((resolve, reject) => {
      launcher().spawn('/nonexistent/command', [], { env: {}, stdin: null }, { stdout: reject, stderr: reject, close: reject, error: resolve });
    });
    expect(failed.code).toBe('ENOENT');
  });

  it('lowers the priority of the process when asked', async () => {
    // The input is written once the priority is set, so reading it first makes the answer certain.
    const { ended } = launchShell(launcher(), 'read line; exec /usr/bin/nice', { niceness: 7, stdin: Buffer.from('go\n') });
    expect(await ended).toMatchObject({ stdout: '7\n', code: 0 });
  });

  it('fails what a dying launcher ran with LAUNCHER_STOPPED, ends it, and starts a new launcher for the next process', async () => {
    const processes = launcher();
    const { output, ended } = launchShell(processes, 'sleep 60 & echo $!; wait');
    await until(() => output().endsWith('\n'));
    const sleep = Number(output());
    const first = processes.pid!;
    process.kill(first, 'SIGKILL');
    const failure = await ended;
    expect(failure).toBeInstanceOf(LaunchError);
    expect((failure as LaunchError).code).toBe(LAUNCHER_STOPPED);
    await until(() => !alive(sleep));
    expect(await launchShell(processes, 'echo again').ended).toMatchObject({ stdout: 'again\n', code: 0 });
    expect(processes.pid).not.toBe(first);
  });

  describe('in a process of its own', () => {
    const client = new URL('../../test/fixtures/launcher-client.ts', import.meta.url);

    it('ends with the process that uses it, and ends what it started first', async () => {
      const user = startScript(client, ['hold']);
      const pids = JSON.parse(await firstLine(user)) as { launcher: number; sleep: number };
      expect(alive(pids.launcher) && alive(pids.sleep)).toBe(true);
      user.kill('SIGKILL');
      await until(() => !alive(pids.launcher) && !alive(pids.sleep));
    });

    it('does not keep an idle process alive', async () => {
      expect(await finished(startScript(client, ['idle']))).toEqual({ code: 0, printed: 'closed 0\n' });
    });
  });
});
