import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('accepts a long passphrase in any script', () => {
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('mật khẩu của tôi')).toBeNull();
  });

  it('refuses lengths outside 8 to 128 characters', () => {
    expect(passwordProblem('short')).toMatch(/at least 8/);
    expect(passwordProblem('x'.repeat(120) + 'abcdefghi')).toMatch(/at most 128/);
  });

  it('refuses a common password whatever its case', () => {
    expect(passwordProblem('Password123')).toMatch(/common/);
    expect(passwordProblem('QWERTYUIOP')).toMatch(/common/);
  });

  it('refuses one repeated character and the email name', () => {
    expect(passwordProblem('zzzzzzzzzz')).toMatch(/repeat/);
    expect(passwordProblem('ananya2005', { email: 'ananya2005@example.com' })).toMatch(/email/);
  });
});
