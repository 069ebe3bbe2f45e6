// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api';
import { json, problem, stubNetwork } from '../api/test-network';
import { PasswordForm, passwordChangedMessage } from './password-form';

let sent: unknown[] = [];
let answer: () => Response;

beforeEach(() => {
  sent = [];
  api.setCsrfToken('token');
  stubNetwork((_url, body) => {
    sent.push(body);
    return answer();
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill(current: string, next: string, again: string) {
  fireEvent.change(screen.getByLabelText('Current password'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('New password again'), { target: { value: again } });
  act(() => screen.getByRole('button', { name: 'Change password' }).click());
}

describe('PasswordForm', () => {
  it('sends nothing until the current password is given and the new one is long enough and typed the same twice', () => {
    render(<PasswordForm onChanged={() => undefined} />);
    fill('', 'short', 'short');
    expect(screen.getByText('Enter your current password.')).toBeTruthy();
    expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Current password'));
    fill('old passphrase', 'a new passphrase', 'a new passfrase');
    expect(screen.getByText('The two new passwords are not the same.')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('shows the password policy’s refusal under the new password and keeps what was typed', async () => {
    answer = () =>
      problem(422, 'validation', 'newPassword: is one of the most common passwords; choose another', {
        errors: [{ field: 'newPassword', message: 'is one of the most common passwords; choose another' }],
      });
    render(<PasswordForm onChanged={() => undefined} />);
    fill('old passphrase', 'password123', 'password123');
    await screen.findByText('New password is one of the most common passwords; choose another.');
    // The field says it; the problem's raw detail above the form would only repeat it.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(sent).toEqual([{ currentPassword: 'old passphrase', newPassword: 'password123' }]);
    expect((screen.getByLabelText('New password') as HTMLInputElement).value).toBe('password123');
    expect(document.activeElement).toBe(screen.getByLabelText('New password'));
  });

  it('says how many other sessions were signed out and clears the fields', async () => {
    answer = () => json(200, { revokedSessions: 2 });
    const changed: number[] = [];
    render(<PasswordForm onChanged={(count) => changed.push(count)} />);
    fill('old passphrase', 'a new passphrase', 'a new passphrase');
    await screen.findByText(passwordChangedMessage(2));
    expect(passwordChangedMessage(2)).toBe('Your password was changed. 2 other sessions were signed out; this one stays signed in.');
    expect(passwordChangedMessage(0)).toBe('Your password was changed. No other device was signed in.');
    await waitFor(() => expect(changed).toEqual([2]));
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('');
  });
});
