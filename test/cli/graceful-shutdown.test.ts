import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alive, descendants } from '../helpers/processes.js';
import { until } from '../helpers/until.js';

const root = path.resolve(import.meta.dirname, '../..');

async function waitFor(url: string, attempts = 600): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered`);
}

describe('labmate serve', { timeout: 180_000 }, () => {
  it('prints an admin set-up link, serves, and stops cleanly on SIGTERM, its helper processes with it', async () => {
    const port = 3400 + Math.floor(Math.random() * 500);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: String(port), LABMATE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lm-serve-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    await waitFor(`http://127.0.0.1:${port}/readyz`);
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`);
    expect(me.status).toBe(401);
    expect(stderr).toMatch(new RegExp(`http://127\\.0\\.0\\.1:${port}/setup#token=`));

    // The process launcher, started with the server, must end with it.
    const helpers = descendants(child.pid!);
    expect(helpers.length).toBeGreaterThan(0);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
    await until(() => helpers.every((pid) => !alive(pid)));
  });
});
