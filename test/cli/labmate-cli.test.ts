import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function labmate(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case starts fresh Node processes that compile the CLI with tsx: slow on a busy 2-core machine.
describe('the labmate command', { timeout: 180_000 }, () => {
  it('lists its commands with --help', () => {
    const result = labmate(['--help']);
    expect(result.status).toBe(0);
    for (const command of ['serve', 'migrate', 'user']) expect(result.stdout).toContain(command);
  });

  it('refuses an unknown command with a usage error', () => {
    const result = labmate(['frobnicate']);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('refuses to serve in production with no configuration, naming what is missing', () => {
    const result = labmate(['serve'], { NODE_ENV: 'production', LABMATE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lm-cli-')) });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('LABMATE_SECRET');
    expect(result.stderr).toContain('LABMATE_PUBLIC_URL');
  });

  it('creates an admin with the password read from stdin', () => {
    const env = { LABMATE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lm-cli-')), LOG_LEVEL: 'silent' };
    const admin = labmate(['user', 'create', '--email', 'Prof@Example.com', '--admin', '--password-stdin'], env, 'a professor passphrase\n');
    expect(admin.status).toBe(0);
    expect(admin.stdout).toContain('created admin prof@example.com');
  });

  it('refuses user create without --email', () => {
    const result = labmate(['user', 'create']);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('--email is required');
  });
});
