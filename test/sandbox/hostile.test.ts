// Hostile programs (issue 4, item 8): each must be contained, classified, and leave the machine as it was.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram, type Language, type Limits, type RunResult } from '../../src/sandbox/index.js';

/** Short limits keep the suite fast; what is tested is that the limit holds, not its default value. */
const quick: Partial<Limits> = { wallMs: 4_000, cpuSeconds: 2 };

function run(language: Language, source: string, limits: Partial<Limits> = quick): Promise<RunResult> {
  return runProgram({ language, source, limits });
}

/** Host processes whose command line or name contains `marker` (a box's processes are visible from the host). */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const seen = readFileSync(`/proc/${entry}/cmdline`, 'utf8') + readFileSync(`/proc/${entry}/comm`, 'utf8');
      if (seen.includes(marker)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** A name unique to this test run, short enough for /proc/PID/comm (15 bytes). */
function uniqueMarker(prefix: string): string {
  return `${prefix}${process.pid % 10000}${Math.floor(Math.random() * 1e6)}`.slice(0, 15);
}

function listen(host: string): Promise<{ server: Server; port: number; connections: () => number }> {
  return new Promise((resolve, reject) => {
    let count = 0;
    const server = createServer((socket) => {
      count++;
      socket.destroy();
    });
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (typeof address !== 'object' || address === null) throw new Error('no port');
      resolve({ server, port: address.port, connections: () => count });
    });
  });
}

describe('hostile programs', () => {
  it('contains a fork bomb and leaves none of its processes behind', async () => {
    const marker = uniqueMarker('fb');
    const source = [
      'import os, time',
      // Every child inherits this name, so the test can look for survivors from the host.
      `open("/proc/self/comm", "w").write("${marker}")`,
      'while True:',
      '    try:',
      '        os.fork()',
      '    except OSError:',
      '        time.sleep(0.01)',
    ].join('\n');
    const result = await runProgram({ language: 'python', source, limits: { ...quick, wallMs: 2_000 } });
    expect(['timeout', 'runtime_error']).toContain(result.status);
    expect(processesWith(marker)).toEqual([]);
  });

  it('classifies a 2 GB allocation as memory_limit', async () => {
    const result = await run('python', 'x = bytearray(2 * 1024 ** 3)\n');
    expect(result.status).toBe('memory_limit');
    expect(result.stderr).toContain('MemoryError');
  });

  it('stops a C program that keeps allocating and touching memory', async () => {
    const source = [
      '#include <stdlib.h>',
      '#include <string.h>',
      'int main(void) { for (;;) { char *p = malloc(1 << 20); memset(p, 1, 1 << 20); } }',
    ].join('\n');
    const result = await run('c', source, { wallMs: 10_000, memoryMb: 128 });
    expect(result.status).toBe('memory_limit');
  });

  it('stops a Java program at its heap limit', async () => {
    const source = [
      'import java.util.*;',
      'public class Hog {',
      '  public static void main(String[] a) { List<long[]> l = new ArrayList<>(); while (true) l.add(new long[1 << 20]); }',
      '}',
    ].join('\n');
    const result = await run('java', source, { wallMs: 10_000, memoryMb: 256 });
    expect(result.status).toBe('memory_limit');
    expect(result.stderr).toContain('OutOfMemoryError');
  });

  it('lets a program fill neither the working directory nor /tmp beyond their caps', async () => {
    const source = [
      'def fill(prefix):',
      '    n = 0',
      '    try:',
      '        while True:',
      '            with open(f"{prefix}{n}.bin", "wb") as f:',
      '                f.write(b"x" * (4 << 20))',
      '            n += 1',
      '    except OSError as e:',
      '        return e.errno',
      'print(fill(""), fill("/tmp/"))',
    ].join('\n');
    const result = await run('python', source, { ...quick, wallMs: 10_000 });
    expect(result.status).toBe('ok');
    expect(result.stdout).toBe('28 28\n'); // ENOSPC in both
    expect(result.warnings.some((w) => w.includes('not returned: too'))).toBe(true);
  });

  it('caps a single file at the file-size limit', async () => {
    const result = await run('python', 'with open("big", "wb") as f:\n    f.write(b"x" * (20 << 20))\n', { ...quick, fileSizeMb: 1 });
    expect(result.status).toBe('runtime_error');
    expect(result.stderr).toContain('File too large');
  });

  it('cuts endless output at the output cap', async () => {
    const result = await run('python', 'while True:\n    print("x" * 10_000)\n', { ...quick, wallMs: 10_000 });
    expect(result.status).toBe('output_limit');
    expect(Buffer.byteLength(result.stdout)).toBeLessThanOrEqual(1024 * 1024);
    expect(result.stdout.length).toBeGreaterThan(0);
  });

  it('stops an endless loop without output on CPU time', async () => {
    const result = await run('python', 'while True:\n    pass\n');
    expect(result.status).toBe('timeout');
  });

  it('stops a program that sleeps forever on wall time', async () => {
    const result = await run('python', 'import time\nprint("waiting", flush=True)\ntime.sleep(3600)\n', { wallMs: 1_000 });
    expect(result.status).toBe('timeout');
    expect(result.stdout).toBe('waiting\n');
  });

  it('kills a child that outlives its parent', async () => {
    const marker = `${process.pid}.${Math.floor(Math.random() * 1e6)}`;
    const source = `import os\nif os.fork() == 0:\n    os.execv("/bin/sleep", ["sleep", "${marker}"])\nprint("parent done")\n`;
    const result = await run('python', source);
    expect(result.status).toBe('ok');
    expect(processesWith(marker)).toEqual([]);
  });

  it('sees no /etc/shadow, no server environment, no data directory and no database file', async () => {
    process.env['LABMATE_TEST_SECRET'] = 'hunter2-must-not-leak';
    const dataDir = mkdtempSync(join(tmpdir(), 'labmate-data-'));
    writeFileSync(join(dataDir, 'labmate.db'), 'SQLite format 3\0');
    try {
      const source = [
        'import os',
        'def probe(path):',
        '    try:',
        '        return open(path, "rb").read()[:20]',
        '    except OSError as e:',
        '        return type(e).__name__',
        `print(probe("/etc/shadow"), probe(${JSON.stringify(join(dataDir, 'labmate.db'))}), probe("${process.cwd()}/package.json"))`,
        'print(sorted(os.environ))',
        'print(open("/proc/self/environ").read().count("hunter2"))',
      ].join('\n');
      const result = await run('python', source);
      expect(result.stdout.split('\n')[0]).toBe("FileNotFoundError FileNotFoundError FileNotFoundError");
      expect(result.stdout).not.toContain('hunter2');
      expect(result.stdout).not.toMatch(/DATABASE_URL|LABMATE_|SECRET|API_KEY/);
    } finally {
      delete process.env['LABMATE_TEST_SECRET'];
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('cannot write outside its working directory and /tmp', async () => {
    const source = [
      'for path in ["/x", "/usr/x", "/etc/x", "/sandbox/x", "/proc/x", "/dev/x"]:',
      '    try:',
      '        open(path, "w")',
      '        print(path, "written")',
      '    except OSError:',
      '        pass',
      'print("done")',
    ].join('\n');
    const result = await run('python', source);
    expect(result.stdout).toBe('done\n');
  });

  it('cannot reach TCP listeners on 127.0.0.1 and ::1, resolve names, or open raw sockets', async () => {
    const v4 = await listen('127.0.0.1');
    const v6 = await listen('::1');
    try {
      const source = [
        'import socket',
        'def attempt(f):',
        '    try:',
        '        f()',
        '        return "connected"',
        '    except OSError as e:',
        '        return type(e).__name__',
        `print(attempt(lambda: socket.create_connection(("127.0.0.1", ${v4.port}), timeout=1)))`,
        `print(attempt(lambda: socket.create_connection(("::1", ${v6.port}), timeout=1)))`,
        // No resolv.conf in the box: glibc would ask 127.0.0.1, the box's own unconnected loopback.
        'print(attempt(lambda: socket.getaddrinfo("labmate-test.invalid", 80)))',
        'print(attempt(lambda: socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)))',
        'print([name for _, name in socket.if_nameindex()])',
      ].join('\n');
      const result = await run('python', source);
      const lines = result.stdout.trim().split('\n');
      expect(lines.slice(0, 4)).not.toContain('connected');
      expect(lines[3]).toBe('PermissionError');
      expect(lines[4]).toBe("['lo']");
      expect(v4.connections() + v6.connections()).toBe(0);
    } finally {
      v4.server.close();
      v6.server.close();
    }
  });

  it('cannot ptrace, see the host through /proc, or find /sys', async () => {
    const source = [
      '#define _GNU_SOURCE',
      '#include <stdio.h>',
      '#include <sys/ptrace.h>',
      '#include <unistd.h>',
      'int main(void) {',
      '  printf("ptrace=%ld\\n", ptrace(PTRACE_ATTACH, 1, 0, 0));',
      '  FILE *f = fopen("/proc/1/environ", "r");',
      '  printf("environ=%s\\n", f ? "open" : "closed");',
      '  printf("sys=%s\\n", access("/sys/class", F_OK) == 0 ? "present" : "absent");',
      '}',
    ].join('\n');
    const result = await run('c', source);
    expect(result.stdout).toBe('ptrace=-1\nenviron=closed\nsys=absent\n');
  });

  it('cannot signal processes outside the box, nor end the box supervisor', async () => {
    const source = [
      'import os',
      `for pid in (${process.pid}, 1, -1):`,
      '    try:',
      '        os.kill(pid, 9)',
      '    except OSError as e:',
      '        print(pid, type(e).__name__)',
      'print("still here")',
    ].join('\n');
    const result = await run('python', source);
    expect(result.status).toBe('ok');
    expect(result.stdout).toContain(`${process.pid} ProcessLookupError\n`);
    expect(result.stdout).toMatch(/still here\n$/);
  });

  it('contains a Java program that starts threads forever', async () => {
    const source = [
      'public class T {',
      '  public static void main(String[] a) {',
      '    while (true) new Thread(() -> { try { Thread.sleep(60000); } catch (InterruptedException e) {} }).start();',
      '  }',
      '}',
    ].join('\n');
    const result = await run('java', source, { ...quick, wallMs: 3_000 });
    expect(['timeout', 'runtime_error', 'memory_limit']).toContain(result.status);
    expect(result.stderr + result.stdout).toContain('unable to create native thread');
  });

  it('reports a C stack overflow as a runtime error with SIGSEGV', async () => {
    const source = 'int f(int n) { volatile char b[1024]; b[0] = (char)n; return f(n + 1) + b[0]; }\nint main(void) { return f(0); }\n';
    const result = await run('c', source);
    expect(result.status).toBe('runtime_error');
    expect(result.signal).toBe('SIGSEGV');
  });

  it('refuses a 10 MB source file before building a box', async () => {
    const result = await run('python', '# filler\n'.repeat(1_200_000));
    expect(result.status).toBe('compile_error');
    expect(result.stderr).toContain('limit is');
  });
});
