import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAnnounce } from '../components/announcer';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { useFormFields } from '../components/use-form-fields';
import { plural } from '../format';

const MIN_PASSWORD = 8;

type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';

const LABELS: Record<Field, string> = { currentPassword: 'Current password', newPassword: 'New password', repeatPassword: 'New password again' };

/** What the user is told after a change: the password, and how many other devices were signed out. */
export function passwordChangedMessage(revokedSessions: number): string {
  return revokedSessions === 0
    ? 'Your password was changed. No other device was signed in.'
    : `Your password was changed. ${plural(revokedSessions, 'other session')} ${revokedSessions === 1 ? 'was' : 'were'} signed out; this one stays signed in.`;
}

/** Change the password with the current one; the server ends every other session. */
export function PasswordForm({ onChanged }: { onChanged: (revokedSessions: number) => void }) {
  const announce = useAnnounce();
  const { values, setValues, bind, showErrors, showProblem } = useFormFields<Record<Field, string>>('password', { currentPassword: '', newPassword: '', repeatPassword: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const local: Partial<Record<Field, string>> = {};
    if (values.currentPassword === '') local.currentPassword = 'Enter your current password.';
    if ([...values.newPassword].length < MIN_PASSWORD) local.newPassword = `Use at least ${MIN_PASSWORD} characters.`;
    else if (values.repeatPassword !== values.newPassword) local.repeatPassword = 'The two new passwords are not the same.';
    if (showErrors(local)) return;
    setBusy(true);
    try {
      const answer = await api.post<{ revokedSessions: number }>('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      const message = passwordChangedMessage(answer.revokedSessions);
      setValues({ currentPassword: '', newPassword: '', repeatPassword: '' });
      setDone(message);
      announce(message);
      onChanged(answer.revokedSessions);
    } catch (failure) {
      setError(showProblem(failure, LABELS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      {error ? <ErrorNotice message={error} /> : null}
      {done ? (
        <div className="notice ok">
          <p>{done}</p>
        </div>
      ) : null}
      <TextField label={LABELS.currentPassword} type="password" autoComplete="current-password" required {...bind('currentPassword')} />
      <TextField
        label={LABELS.newPassword}
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD} characters, not a common password. A few words you will remember work well.`}
        required
        {...bind('newPassword')}
      />
      <TextField label={LABELS.repeatPassword} type="password" autoComplete="new-password" required {...bind('repeatPassword')} />
      <p className="muted">Changing your password signs you out on every other device.</p>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {busy ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
