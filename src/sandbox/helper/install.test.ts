import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installHelper } from './install.js';

const root = mkdtempSync(join(tmpdir(), 'labmate-install-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function aged(name: string, days: number): void {
  const path = join(root, name);
  mkdirSync(path);
  const when = new Date(Date.now() - days * 24 * 3600_000);
  utimesSync(path, when, when);
}

describe('installHelper', () => {
  it('builds the supervisor once and sweeps abandoned builds and long-unused versions', async () => {
    const uid = process.getuid?.() ?? 0;
    aged('labmate-sandbox-build-crashed', 1);
    aged('labmate-sandbox-build-running', 0);
    aged(`labmate-sandbox-${uid}-0000000000000000`, 30);
    aged(`labmate-sandbox-${uid}-1111111111111111`, 1);
    aged('unrelated', 30);
    const helper = await installHelper(root);
    accessSync(join(helper.path, 'supervise'), constants.X_OK);
    expect(statSync(helper.path).mode & 0o022).toBe(0);
    expect(await installHelper(root)).toBe(helper);
    expect(readdirSync(root).sort()).toEqual(
      [
        'labmate-sandbox-build-running',
        `labmate-sandbox-${uid}-1111111111111111`,
        helper.path.slice(root.length + 1),
        'unrelated',
      ].sort(),
    );
  });
});
