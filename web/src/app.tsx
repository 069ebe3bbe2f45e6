import { createBrowserRouter, RouterProvider } from 'react-router';
import { AnnouncerProvider } from './components/announcer';
import { Layout } from './components/layout';
import { adminRoute } from './pages/admin/routes';
import { AssignmentsPage } from './pages/assignments';
import { FeedbackPage } from './pages/feedback';
import { LandingPage } from './pages/landing';
import { NotFoundPage } from './pages/not-found';
import { SettingsPage } from './pages/settings';
import { SignInPage } from './pages/sign-in';
import { SignUpPage } from './pages/sign-up';
import { UploadPage } from './pages/upload';
import { WorkspacePage } from './pages/workspace';
import { RequireUser, SessionProvider } from './session';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <LandingPage /> },
      { path: '/signin', element: <SignInPage /> },
      { path: '/signup', element: <SignUpPage /> },
      { path: '/assignments', element: <RequireUser><AssignmentsPage /></RequireUser> },
      { path: '/upload', element: <RequireUser><UploadPage /></RequireUser> },
      { path: '/assignments/:id', element: <RequireUser><WorkspacePage /></RequireUser> },
      { path: '/settings', element: <RequireUser><SettingsPage /></RequireUser> },
      { path: '/feedback', element: <RequireUser><FeedbackPage /></RequireUser> },
      adminRoute,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/** The web app: session and announcer around the routes. */
export function App() {
  return (
    <AnnouncerProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </AnnouncerProvider>
  );
}
