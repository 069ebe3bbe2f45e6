import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api } from './api';
import { ApiError } from './api/problem';
import type { Capabilities, SignedIn, User } from './api/types';
import { Loading } from './components/notice';

interface SessionValue {
  /** undefined while the first "who am I?" is in flight; null when signed out. */
  user: User | null | undefined;
  /** Whether the user was signed out by the server (session ended) rather than by choice. */
  expired: boolean;
  capabilities: Capabilities | null;
  signedIn(answer: SignedIn): void;
  signOut(): Promise<void>;
  /** The server ended this session at the user's request (e.g. the account was deleted): forget it here too. */
  signedOut(): void;
  /** The account's name or email changed on the server. */
  updateUser(user: User): void;
}

const SessionContext = createContext<SessionValue | null>(null);

const FALLBACK_CAPABILITIES: Capabilities = { ai: false, pdf: false, languages: [], maxUploadBytes: 50 * 1024 * 1024 };

/** Knows who is signed in (the HttpOnly cookie is the session; nothing is kept in storage) and what the server can do. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);

  useEffect(() => {
    api.setUnauthenticatedHandler(() => {
      api.forgetCsrfToken();
      setExpired(true);
      setUser(null);
    });
    api
      .get<{ user: User }>('/auth/me', { anonymousOk: true })
      .then((me) => setUser(me.user))
      .catch(() => setUser(null));
    api
      .get<Capabilities>('/capabilities', { anonymousOk: true })
      .then(setCapabilities)
      .catch(() => setCapabilities(FALLBACK_CAPABILITIES));
  }, []);

  const signedIn = useCallback((answer: SignedIn) => {
    api.setCsrfToken(answer.csrfToken);
    setExpired(false);
    setUser(answer.user);
  }, []);

  const signedOut = useCallback(() => {
    api.forgetCsrfToken();
    setExpired(false);
    setUser(null);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch (error) {
      // Already signed out on the server: the result the user wanted.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    signedOut();
  }, [signedOut]);

  const updateUser = useCallback((next: User) => setUser(next), []);

  const value = useMemo(
    () => ({ user, expired, capabilities, signedIn, signOut, signedOut, updateUser }),
    [user, expired, capabilities, signedIn, signOut, signedOut, updateUser],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session: who is signed in, what the server can do, sign-in and sign-out. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The server's capabilities once known (a safe fallback when they could not be read). */
export function useCapabilities(): Capabilities | null {
  return useSession().capabilities;
}

/** Renders its children only for a signed-in user; otherwise sends them to sign in and back here afterwards. */
export function RequireUser({ children }: { children: ReactNode }) {
  const { user, expired } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading label="Checking your session…" />;
  if (user === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace state={{ expired }} />;
  }
  return <>{children}</>;
}

/** A safe in-app path to go to after signing in (never another site). */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/assignments';
}
