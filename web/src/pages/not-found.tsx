import { Link } from 'react-router';
import { usePageTitle } from '../components/page-title';

/** Any path the app does not know. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <div className="narrow card">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link to="/" className="button">
        Go to the start page
      </Link>
    </div>
  );
}
