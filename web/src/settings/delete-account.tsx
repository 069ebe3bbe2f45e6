import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { ConfirmDialog } from '../components/dialog';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { formErrors } from '../field-errors';
import { useSession } from '../session';

/** State the landing page reads to say the account is gone. */
export interface AccountDeletedState {
  accountDeleted: true;
}

/** Delete the account with everything in it, after the password confirms it; the user lands signed out on the home page. */
export function DeleteAccount() {
  const { signedOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const deleted = useRef(false);

  useEffect(
    () => () => {
      // Forget the session only once the home page has replaced this one: the router commits its navigation as a
      // transition, so a sign-out seen earlier would make this signed-in-only page send the user to sign in.
      if (deleted.current) signedOut();
    },
    [signedOut],
  );

  function close() {
    setOpen(false);
    setPassword('');
    setPasswordError(undefined);
    setError(null);
  }

  async function confirm() {
    setError(null);
    if (password === '') {
      setPasswordError('Enter your password to confirm.');
      document.getElementById('delete-password')?.focus();
      return;
    }
    setPasswordError(undefined);
    setBusy(true);
    try {
      await api.delete('/me', { body: { password } });
      deleted.current = true;
      const state: AccountDeletedState = { accountDeleted: true };
      await navigate('/', { replace: true, state });
    } catch (failure) {
      setBusy(false);
      const problem = formErrors(failure, { password: 'This' });
      setPasswordError(problem.fields.password);
      setError(problem.notice);
      document.getElementById('delete-password')?.focus();
    }
  }

  return (
    <>
      <p>
        Deleting your account removes your profile, every assignment with its tasks, runs, screenshots and reports, your
        feedback and every file you uploaded, and signs you out on every device. It cannot be undone; export your data
        first if you want to keep a copy.
      </p>
      <button type="button" className="button danger" onClick={() => setOpen(true)}>
        Delete my account…
      </button>
      <ConfirmDialog open={open} title="Delete your account?" confirmLabel="Delete my account" danger busy={busy} onConfirm={() => void confirm()} onCancel={close}>
        <p>Everything in your account will be deleted for good. Enter your password to confirm.</p>
        {error ? <ErrorNotice message={error} /> : null}
        <TextField
          id="delete-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void confirm();
            }
          }}
          error={passwordError}
        />
      </ConfirmDialog>
    </>
  );
}
