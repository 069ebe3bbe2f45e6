import { useEffect, useId } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { UserBadges } from '../../admin/badges';
import { ListTable } from '../../admin/list-table';
import { apiPath, withFilters } from '../../admin/query-string';
import { SearchBox } from '../../admin/search-box';
import type { AdminUser } from '../../admin/types';
import { useApiGet } from '../../admin/use-api-get';
import { useCursorPaging } from '../../admin/use-cursor-paging';
import type { Page } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { usePageTitle } from '../../components/page-title';
import { formatDate, plural } from '../../format';

const SORTS = { created: 'Newest first', email: 'Email', name: 'Name' } as const;
type Sort = keyof typeof SORTS;

function sortOf(value: string | null): Sort {
  return value !== null && value in SORTS ? (value as Sort) : 'created';
}

/** Every account: search by email or name, sort, page, and open one. */
export function AdminUsersPage() {
  usePageTitle('Users');
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const paging = useCursorPaging();
  const sortId = useId();
  const q = params.get('q') ?? '';
  const sort = sortOf(params.get('sort'));
  const users = useApiGet<Page<AdminUser>>(apiPath('/admin/users', { q, sort: sort === 'created' ? null : sort, cursor: paging.cursor }));
  const items = users.data?.items;

  // Say how a search came out once its own answer is in (not while the previous list is still shown).
  useEffect(() => {
    if (!users.fresh || !items || !q) return;
    const count = items.length === 1 ? 'One user' : plural(items.length, 'user');
    const page = users.data?.nextCursor ? ' on this page' : '';
    announce(items.length === 0 ? `No users match “${q}”.` : `${count}${page} ${items.length === 1 ? 'matches' : 'match'} “${q}”.`);
  }, [users.fresh, items, q, announce, users.data?.nextCursor]);

  return (
    <>
      <h1>Users</h1>
      <div className="filters">
        <SearchBox label="Search users" hint="Part of an email address or name" />
        <div className="field">
          <label htmlFor={sortId}>Sort by</label>
          <select id={sortId} value={sort} onChange={(event) => navigate({ search: withFilters(location.search, { sort: event.target.value === 'created' ? null : event.target.value }) })}>
            {Object.entries(SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ListTable
        list={users}
        noun="users"
        empty={q ? `No user’s email or name contains “${q}”.` : 'No users yet.'}
        caption={q ? `Users matching “${q}”` : 'Users'}
        columns={['Email', 'Name', 'Role and status', 'Plan', 'Joined', 'Last seen']}
        pages={{ paging, label: 'Pages of users' }}
        row={(user) => (
          <tr>
            <th scope="row">
              <Link to={`/admin/users/${user.id}`} state={{ back: location.search }}>
                {user.email}
              </Link>
            </th>
            <td className="text">{user.name}</td>
            <td className="nowrap">
              <UserBadges user={user} />
            </td>
            <td>{user.plan ?? <span className="muted">Defaults</span>}</td>
            <td className="nowrap">{formatDate(user.createdAt)}</td>
            <td className="nowrap">{user.lastSeenAt ? formatDate(user.lastSeenAt) : <span className="muted">Not recently</span>}</td>
          </tr>
        )}
      />
    </>
  );
}
