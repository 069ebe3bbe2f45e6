import { lstatSync, readdirSync } from 'node:fs';

/** The uid and gid programs run as, inside the box and (when we are root) on the host too. */
export const BOX_UID = 65534;

/** Working directory inside the box: a private tmpfs, so nothing a program writes reaches the host's disk. */
export const BOX_WORKDIR = '/box';

const WORKDIR_BYTES = 64 * 1024 * 1024;
const TMP_BYTES = 64 * 1024 * 1024;
const SHM_BYTES = 16 * 1024 * 1024;

/**
 * Parts of /etc the runtimes need, bound read-only: Debian resolves BLAS for numpy through /etc/alternatives, the
 * JDK keeps its configuration in /etc/java-N-openjdk, matplotlib its matplotlibrc in /etc. Nothing else of /etc is
 * visible (in particular not shadow, ssh keys or the server's configuration).
 */
const ETC_ENTRIES = ['alternatives', 'ld.so.cache', 'ld.so.conf', 'ld.so.conf.d', 'localtime', 'matplotlibrc', 'fonts'];
const ETC_PREFIXES = ['java-', 'python3'];

let etcCache: string[] | undefined;

function etcBinds(): string[] {
  etcCache ??= readdirSync('/etc')
    .filter((name) => ETC_ENTRIES.includes(name) || ETC_PREFIXES.some((prefix) => name.startsWith(prefix)))
    .sort()
    .map((name) => `/etc/${name}`);
  return etcCache;
}

/** Environment of every program: nothing of the server's, only what the runtimes need. */
export const BOX_ENV: Readonly<Record<string, string>> = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: '/tmp',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  USER: 'student',
  // Ordered stdout/stderr for the transcript, no .pyc writes, the headless plot backend of box-files.ts.
  PYTHONUNBUFFERED: '1',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTHONPATH: '/sandbox/python',
  MPLBACKEND: 'module://labmate_mpl_backend',
  MPLCONFIGDIR: '/tmp/matplotlib',
  // Each glibc malloc arena reserves 64 MB of address space; a few threads would otherwise exhaust RLIMIT_AS.
  MALLOC_ARENA_MAX: '2',
};

/** Merged-/usr hosts have /bin etc. as symlinks into /usr; older layouts have real directories to bind. */
function rootDirBind(dir: string): string[] {
  try {
    const stat = lstatSync(`/${dir}`);
    if (stat.isSymbolicLink()) return ['--symlink', `usr/${dir}`, `/${dir}`];
    return stat.isDirectory() ? ['--ro-bind', `/${dir}`, `/${dir}`] : [];
  } catch {
    return [];
  }
}

/** bubblewrap arguments that build the box around `command`; see DESIGN.md §5 for the why of each. */
export function bwrapArgs(helperDir: string, command: string[]): string[] {
  const args = [
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--uid',
    String(BOX_UID),
    '--gid',
    String(BOX_UID),
    '--hostname',
    'sandbox',
    '--as-pid-1',
    '--die-with-parent',
    '--new-session',
    '--clearenv',
    '--ro-bind',
    '/usr',
    '/usr',
  ];
  for (const dir of ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32']) args.push(...rootDirBind(dir));
  for (const path of etcBinds()) args.push('--ro-bind', path, path);
  args.push(
    '--ro-bind',
    `${helperDir}/etc/passwd`,
    '/etc/passwd',
    '--ro-bind',
    `${helperDir}/etc/group`,
    '/etc/group',
    '--ro-bind',
    helperDir,
    '/sandbox',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    // bwrap's /dev is a tmpfs without a size: only its shm directory stays writable, with a cap.
    '--size',
    String(SHM_BYTES),
    '--tmpfs',
    '/dev/shm',
    '--remount-ro',
    '/dev',
    '--size',
    String(TMP_BYTES),
    '--tmpfs',
    '/tmp',
    '--size',
    String(WORKDIR_BYTES),
    '--perms',
    '0755',
    '--tmpfs',
    BOX_WORKDIR,
    // The root itself is bwrap's scratch tmpfs: freeze it so only /box and /tmp take writes.
    '--remount-ro',
    '/',
    '--chdir',
    BOX_WORKDIR,
  );
  for (const [key, value] of Object.entries(BOX_ENV)) args.push('--setenv', key, value);
  return [...args, ...command];
}
