import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GROUP, MPL_BACKEND_PY, PASSWD, SITECUSTOMIZE_PY, TTY_BUFFERING_C } from './box-files.js';
import { SUPERVISOR_C } from './supervisor-source.js';

const run = promisify(execFile);

/** The Python the boxes run (Debian's, with numpy and friends), not whatever `python3` is first on our PATH. */
const PYTHON = '/usr/bin/python3';

/** Host directory bound read-only at /sandbox in every box. */
export interface HelperDir {
  path: string;
}

const SOURCES_HASH = createHash('sha256')
  .update(SUPERVISOR_C)
  .update(MPL_BACKEND_PY)
  .update(SITECUSTOMIZE_PY)
  .update(TTY_BUFFERING_C)
  .update(PASSWD)
  .update(GROUP)
  .digest('hex')
  .slice(0, 16);

const installed = new Map<string, Promise<HelperDir>>();

/**
 * Builds the helper directory once per machine and source version (supervisor binary, matplotlib backend,
 * terminal-buffering object, passwd). It lives under the temp directory, named by our uid and the sources' hash,
 * and is built in a private temp dir then renamed into place so concurrent processes never see half of it.
 */
export function installHelper(root: string = tmpdir()): Promise<HelperDir> {
  let pending = installed.get(root);
  if (!pending) {
    pending = build(root).catch((error: unknown) => {
      installed.delete(root);
      throw error;
    });
    installed.set(root, pending);
  }
  return pending;
}

async function build(root: string): Promise<HelperDir> {
  const uid = process.getuid?.() ?? 0;
  const target = join(root, `labmate-sandbox-${uid}-${SOURCES_HASH}`);
  await sweepStale(root, uid, target);
  if (await isOurs(target, uid)) return { path: target };
  const work = await mkdtemp(join(root, BUILD_PREFIX));
  try {
    await mkdir(join(work, 'python'));
    await mkdir(join(work, 'lib'));
    await mkdir(join(work, 'etc'));
    await writeFile(join(work, 'supervise.c'), SUPERVISOR_C);
    await writeFile(join(work, 'lib', 'labmate_tty.c'), TTY_BUFFERING_C);
    await writeFile(join(work, 'python', 'labmate_mpl_backend.py'), MPL_BACKEND_PY);
    await writeFile(join(work, 'python', 'sitecustomize.py'), SITECUSTOMIZE_PY);
    await writeFile(join(work, 'etc', 'passwd'), PASSWD);
    await writeFile(join(work, 'etc', 'group'), GROUP);
    await compile(['-O2', '-Wall', '-o', join(work, 'supervise'), join(work, 'supervise.c')]);
    await compile(['-O2', '-c', '-o', join(work, 'lib', 'labmate_tty.o'), join(work, 'lib', 'labmate_tty.c')]);
    await seedMatplotlibCache(join(work, 'matplotlib'));
    // mkdtemp makes 0700; the box runs as another uid when we are root and must be able to read it.
    await run('chmod', ['-R', 'u=rwX,go=rX', work]);
    try {
      await rename(work, target);
    } catch (error) {
      // Another process finished the same build first: theirs is identical.
      if (!(await isOurs(target, uid))) throw error;
      await rm(work, { recursive: true, force: true });
    }
    return { path: target };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

/** Builds matplotlib's font cache with the system Python; a host without matplotlib simply has no seed. */
async function seedMatplotlibCache(dir: string): Promise<void> {
  try {
    await run(PYTHON, ['-c', 'import matplotlib.font_manager'], {
      timeout: 60_000,
      env: { PATH: '/usr/bin:/bin', MPLCONFIGDIR: dir },
    });
  } catch {
    await rm(dir, { recursive: true, force: true });
  }
}

async function compile(args: string[]): Promise<void> {
  try {
    await run('gcc', args, { timeout: 60_000 });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot build the sandbox supervisor (gcc is required): ${detail}`);
  }
}

const BUILD_PREFIX = 'labmate-sandbox-build-';
const ABANDONED_BUILD_MS = 10 * 60_000;
/**
 * Another version's directory may still serve a process on older code (a rolling restart): it is kept for a week
 * from its build.
 */
const OLD_VERSION_MS = 7 * 24 * 3600_000;

/**
 * Removes helper directories of older source versions and builds abandoned by a crash. Runs are not swept here
 * because they leave nothing on disk: each box works in its own tmpfs, which ends with the box.
 */
async function sweepStale(root: string, uid: number, keep: string): Promise<void> {
  const ours = `labmate-sandbox-${uid}-`;
  for (const name of await readdir(root)) {
    const path = join(root, name);
    if (path === keep || !(name.startsWith(ours) || name.startsWith(BUILD_PREFIX))) continue;
    try {
      const stat = await lstat(path);
      if (stat.uid !== uid || !stat.isDirectory()) continue;
      const age = Date.now() - stat.mtimeMs;
      if (age < (name.startsWith(BUILD_PREFIX) ? ABANDONED_BUILD_MS : OLD_VERSION_MS)) continue;
      await rm(path, { recursive: true, force: true });
    } catch {
      // Removed by a concurrent sweep.
    }
  }
}

/** A directory we made: owned by us and writable by nobody else, so no other local user can plant a binary in it. */
async function isOurs(path: string, uid: number): Promise<boolean> {
  try {
    const stat = await lstat(path);
    return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}
