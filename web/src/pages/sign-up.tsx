import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { SignedIn, SignupMode } from '../api/types';
import { TextField } from '../components/field';
import { useFormFields } from '../components/use-form-fields';
import { ErrorNotice, Loading } from '../components/notice';
import { usePageTitle } from '../components/page-title';
import { nextPath, useSession } from '../session';

const MIN_PASSWORD = 8;

type Fields = 'name' | 'email' | 'password' | 'inviteCode' | 'betaKey';

const LABELS: Record<Fields, string> = { name: 'Name', email: 'Email', password: 'Password', inviteCode: 'Invite code', betaKey: 'Beta key' };

/** Create a student account: an invite code or beta key only when this server asks for one. */
export function SignUpPage() {
  usePageTitle('Create an account');
  const { user, signedIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [mode, setMode] = useState<SignupMode | null>(null);
  const [modeError, setModeError] = useState<string | null>(null);
  // An admin's invite link (/signup?invite=CODE) fills the code in.
  const { values, bind, showErrors, showProblem } = useFormFields<Record<Fields, string>>('signup', {
    name: '',
    email: '',
    password: '',
    inviteCode: new URLSearchParams(location.search).get('invite') ?? '',
    betaKey: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = nextPath(location.search);

  function loadMode() {
    setModeError(null);
    api
      .get<SignupMode>('/auth/signup-mode', { anonymousOk: true })
      .then(setMode)
      .catch((failure: unknown) => setModeError(messageOf(failure)));
  }
  useEffect(loadMode, []);

  if (user && !busy) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const local: Partial<Record<Fields, string>> = {};
    if (values.name.trim() === '') local.name = 'Enter your name.';
    if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) local.email = 'Enter an email address like name@example.com.';
    if ([...values.password].length < MIN_PASSWORD) local.password = `Use at least ${MIN_PASSWORD} characters.`;
    if (mode?.mode === 'invite' && values.inviteCode.trim() === '') local.inviteCode = 'Enter the invite code you were given.';
    if (mode?.betaKeyRequired && values.betaKey.trim() === '') local.betaKey = 'Enter the beta key you were given.';
    if (showErrors(local)) return;
    setBusy(true);
    try {
      const answer = await api.post<SignedIn>(
        '/auth/signup',
        {
          name: values.name.trim(),
          email: values.email.trim(),
          password: values.password,
          ...(mode?.mode === 'invite' ? { inviteCode: values.inviteCode.trim() } : {}),
          ...(mode?.betaKeyRequired ? { betaKey: values.betaKey.trim() } : {}),
        },
        { anonymousOk: true },
      );
      signedIn(answer);
      navigate(next, { replace: true });
    } catch (failure) {
      setBusy(false);
      setError(showProblem(failure, LABELS));
    }
  }

  return (
    <div className="narrow">
      <h1>Create an account</h1>
      {modeError ? <ErrorNotice message={modeError} onRetry={loadMode} /> : null}
      {!mode && !modeError ? <Loading label="Loading…" /> : null}
      {mode?.mode === 'closed' ? (
        <div className="card">
          <p>Sign-up is closed on this server. Ask its administrator for an account.</p>
          <Link to="/signin">Sign in</Link>
        </div>
      ) : null}
      {mode && mode.mode !== 'closed' ? (
        <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate>
          {error ? <ErrorNotice message={error} /> : null}
          <TextField label={LABELS.name} autoComplete="name" required {...bind('name')} />
          <TextField label={LABELS.email} type="email" autoComplete="email" required {...bind('email')} />
          <TextField
            label={LABELS.password}
            type="password"
            autoComplete="new-password"
            hint={`At least ${MIN_PASSWORD} characters. A few words you will remember work well.`}
            required
            {...bind('password')}
          />
          {mode.mode === 'invite' ? (
            <TextField label={LABELS.inviteCode} autoComplete="off" hint="This server needs an invite code from its administrator." required {...bind('inviteCode')} />
          ) : null}
          {mode.betaKeyRequired ? <TextField label={LABELS.betaKey} autoComplete="off" required {...bind('betaKey')} /> : null}
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {busy ? 'Creating your account…' : 'Create account'}
          </button>
        </form>
      ) : null}
      <p className="muted below">
        Already have an account? <Link to={`/signin${location.search}`}>Sign in</Link>
      </p>
    </div>
  );
}
