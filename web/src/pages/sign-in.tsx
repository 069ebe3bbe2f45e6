import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { SignedIn } from '../api/types';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { usePageTitle } from '../components/page-title';
import { nextPath, useSession } from '../session';

/** Sign in with email and password, then back to where the user was going. */
export function SignInPage() {
  usePageTitle('Sign in');
  const { user, signedIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const expired = (location.state as { expired?: boolean } | null)?.expired === true;
  const next = nextPath(location.search);

  if (user && !busy) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<SignedIn>('/auth/login', { email, password }, { anonymousOk: true });
      signedIn(answer);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
      emailInput.current?.focus();
    }
  }

  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {expired && !error ? (
        <div className="notice warn" role="status">
          <p>Your session ended. Sign in again to carry on where you were.</p>
        </div>
      ) : null}
      <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate aria-describedby={error ? 'signin-error' : undefined}>
        {error ? (
          <div id="signin-error">
            <ErrorNotice message={error} />
          </div>
        ) : null}
        <TextField
          ref={emailInput}
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted below">
        New here? <Link to={`/signup${location.search}`}>Create an account</Link>
      </p>
    </div>
  );
}
