import { describe, expect, it } from 'vitest';
import { inviteLink, validateInvite } from './invite-values';

describe('the invite form', () => {
  it('sends only what was filled in', () => {
    expect(validateInvite({ maxUses: '1', expiresInDays: '', note: '  ' })).toEqual({ body: { maxUses: 1 }, errors: null });
    expect(validateInvite({ maxUses: '30', expiresInDays: '7', note: ' Lab group B ' }).body).toEqual({ maxUses: 30, expiresInDays: 7, note: 'Lab group B' });
  });

  it('names what to fix, with the server’s bounds', () => {
    expect(validateInvite({ maxUses: '0', expiresInDays: '400', note: 'x'.repeat(201) }).errors).toEqual({
      maxUses: 'Enter a number from 1 to 10,000.',
      expiresInDays: 'Enter a number from 1 to 365.',
      note: 'Use at most 200 characters.',
    });
    expect(validateInvite({ maxUses: 'two', expiresInDays: '', note: '' }).errors).toEqual({ maxUses: 'Enter a whole number.' });
  });

  it('links to sign-up with the code filled in', () => {
    expect(inviteLink('https://labmate.example', 'AB CD')).toBe('https://labmate.example/signup?invite=AB%20CD');
  });
});
