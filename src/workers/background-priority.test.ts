import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICENESS, lowerPriority } from './background-priority.js';

describe('lowerPriority', () => {
  it('lowers a detached child to background priority, its own scheduling group too', async () => {
    const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    try {
      lowerPriority(child.pid, BACKGROUND_NICENESS);
      expect(getPriority(child.pid)).toBe(BACKGROUND_NICENESS);
      if (existsSync(`/proc/${child.pid}/autogroup`)) expect(readFileSync(`/proc/${child.pid}/autogroup`, 'utf8')).toMatch(new RegExp(`nice ${BACKGROUND_NICENESS}\\b`));
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('leaves a process that is already gone alone', () => {
    expect(() => lowerPriority(2 ** 22 + 1, BACKGROUND_NICENESS)).not.toThrow();
  });
});
