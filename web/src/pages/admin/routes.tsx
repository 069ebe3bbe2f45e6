import type { RouteObject } from 'react-router';
import { AdminLayout } from '../../admin/admin-layout';
import { RequireAdmin } from '../../admin/require-admin';
import { AdminAuditPage } from './audit';
import { AdminFeedbackPage } from './feedback';
import { AdminInvitesPage } from './invites';
import { AdminOverviewPage } from './overview';
import { AdminPlansPage } from './plans';
import { AdminUserPage } from './user';
import { AdminUsersPage } from './users';

/** The admin console under /admin, for administrators only. */
export const adminRoute: RouteObject = {
  path: '/admin',
  element: (
    <RequireAdmin>
      <AdminLayout />
    </RequireAdmin>
  ),
  children: [
    { index: true, element: <AdminOverviewPage /> },
    { path: 'users', element: <AdminUsersPage /> },
    { path: 'users/:id', element: <AdminUserPage /> },
    { path: 'invites', element: <AdminInvitesPage /> },
    { path: 'plans', element: <AdminPlansPage /> },
    { path: 'feedback', element: <AdminFeedbackPage /> },
    { path: 'audit', element: <AdminAuditPage /> },
  ],
};
