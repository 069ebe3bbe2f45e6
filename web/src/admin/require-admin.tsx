import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page-title';
import { RequireUser, useSession } from '../session';

/** What a signed-in student sees at an admin address. */
function NotAllowedPage({ email }: { email: string }) {
  usePageTitle('Administrators only');
  return (
    <div className="narrow card">
      <h1>Administrators only</h1>
      <p>
        You are signed in as {email}, which is not an administrator account, so this page is not open to you. If you
        need it, ask one of this server’s administrators.
      </p>
      <Link to="/assignments" className="button">
        Go to your assignments
      </Link>
    </div>
  );
}

/** Renders its children only for a signed-in administrator: others sign in first, students are told it is not theirs. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  return (
    <RequireUser>
      <AdminOnly>{children}</AdminOnly>
    </RequireUser>
  );
}

function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useSession();
  if (user?.role !== 'admin') return <NotAllowedPage email={user?.email ?? ''} />;
  return <>{children}</>;
}
