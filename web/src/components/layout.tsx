import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { messageOf } from '../api/problem';
import { useSession } from '../session';

/** The frame of every page: skip link, header with navigation and sign-out, main content, footer. */
export function Layout() {
  const { user, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const first = useRef(true);

  useEffect(() => {
    // After a client-side navigation, put focus on the new page's heading so screen readers start there.
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [location.pathname]);

  async function onSignOut() {
    setSignOutError(null);
    // Leave the page first: a signed-in-only page that saw the session end would send the user to sign in again.
    navigate('/');
    try {
      await signOut();
    } catch (error) {
      setSignOutError(messageOf(error));
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to={user ? '/assignments' : '/'} className="brand">
            <img src="/favicon.svg" alt="" />
            LabMate
          </Link>
          <nav className={user ? 'app-nav signed-in' : 'app-nav'} aria-label="Main">
            {user ? (
              <>
                <NavLink to="/assignments" end>
                  Assignments
                </NavLink>
                <NavLink to="/upload">Upload</NavLink>
                <NavLink to="/feedback">Feedback</NavLink>
                <NavLink to="/settings">Settings</NavLink>
                {user.role === 'admin' ? <NavLink to="/admin">Admin</NavLink> : null}
              </>
            ) : user === null ? (
              <>
                <NavLink to="/signin">Sign in</NavLink>
                <Link to="/signup" className="button small primary">
                  Create account
                </Link>
              </>
            ) : null}
          </nav>
          {user ? (
            <div className="app-account">
              <span className="who">{user.name}</span>
              <button type="button" className="button small" onClick={() => void onSignOut()}>
                Sign out
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" className="app-main">
        {signOutError ? (
          <div className="notice error" role="alert">
            <p>{signOutError}</p>
          </div>
        ) : null}
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>LabMate runs your programs for real: the output you see is the output they printed.</p>
      </footer>
    </>
  );
}
