import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { inviteCommand } from '../../src/cli/commands/invite.js';
import { migrateCommand } from '../../src/cli/commands/migrate.js';
import { userCommand } from '../../src/cli/commands/user.js';

// These commands read the environment; each test gets its own data dir so they never share a database.
describe('operator commands', () => {
  let out: string;
  let err: string;
  const saved = { ...process.env };

  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += chunk.toString();
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += chunk.toString();
      return true;
    });
    process.env = { ...saved, NODE_ENV: 'test', LABMATE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lm-cmd-')), LOG_LEVEL: 'silent' };
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.env = { ...saved };
  });

  it('migrate applies the platform migration once', async () => {
    expect(await migrateCommand.run([])).toBe(0);
    expect(out).toContain('0001-platform');
    out = '';
    expect(await migrateCommand.run([])).toBe(0);
    expect(out).toContain('up to date');
  });

  it('user create prints a set-password link and refuses a duplicate', async () => {
    expect(await userCommand.run(['create', '--email', 'kid@example.com', '--name', 'Kid'])).toBe(0);
    expect(out).toContain('created student kid@example.com');
    expect(out).toMatch(/set-password#token=[\w-]{40,}/);
    expect(await userCommand.run(['create', '--email', 'kid@example.com'])).toBe(1);
    expect(err).toContain('already exists');
    expect(await userCommand.run(['create', '--email', 'not-an-email'])).toBe(1);
  });

  it('user and invite refuse malformed command lines', async () => {
    await expect(userCommand.run(['delete'])).rejects.toBeInstanceOf(UsageError);
    await expect(userCommand.run(['create'])).rejects.toBeInstanceOf(UsageError);
    await expect(inviteCommand.run([])).rejects.toBeInstanceOf(UsageError);
    await expect(inviteCommand.run(['create', '--uses', 'zero'])).rejects.toBeInstanceOf(UsageError);
  });

  it('invite create prints a code', async () => {
    expect(await inviteCommand.run(['create', '--uses', '3', '--expires-days', '7', '--note', 'CS101'])).toBe(0);
    expect(out.trim()).toMatch(/^[\w-]{16}$/);
    expect(err).toContain('uses: 3');
  });

  it('every command refuses an invalid environment with exit 78', async () => {
    process.env.PORT = 'not-a-port';
    expect(await migrateCommand.run([])).toBe(78);
    expect(await userCommand.run(['create', '--email', 'a@b.co'])).toBe(78);
    expect(await inviteCommand.run(['create'])).toBe(78);
    expect(err).toContain('PORT');
  });
});
