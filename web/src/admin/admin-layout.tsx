import { NavLink, Outlet } from 'react-router';

const SECTIONS = [
  { to: '/admin', label: 'Overview', end: true },
  { to: '/admin/users', label: 'Users', end: false },
  { to: '/admin/invites', label: 'Invites', end: false },
  { to: '/admin/plans', label: 'Plans', end: false },
  { to: '/admin/feedback', label: 'Feedback', end: false },
  { to: '/admin/audit', label: 'Audit log', end: false },
] as const;

/** The admin console's frame: its section tabs above the page. */
export function AdminLayout() {
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Administration">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end={section.end}>
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
