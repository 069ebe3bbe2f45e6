import { Link } from 'react-router';
import { DataTable } from '../../admin/data-table';
import { ListStatus } from '../../admin/list-status';
import { Pager } from '../../admin/pager';
import { apiPath } from '../../admin/query-string';
import type { FeedbackEntry } from '../../admin/types';
import { useApiGet } from '../../admin/use-api-get';
import { useCursorPaging } from '../../admin/use-cursor-paging';
import type { Page } from '../../api/types';
import { usePageTitle } from '../../components/page-title';
import { formatDate } from '../../format';

/** Feedback users sent, newest first, a page at a time. */
export function AdminFeedbackPage() {
  usePageTitle('Feedback');
  const paging = useCursorPaging();
  const feedback = useApiGet<Page<FeedbackEntry>>(apiPath('/admin/feedback', { cursor: paging.cursor }));
  const items = feedback.data?.items;
  return (
    <>
      <h1>Feedback</h1>
      <ListStatus list={feedback} noun="feedback" empty="No feedback yet." />
      {items && items.length > 0 ? (
        <DataTable caption="Feedback, newest first" hideCaption busy={feedback.loading}>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">From</th>
              <th scope="col">Rating</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <th scope="row" className="nowrap">
                  {formatDate(entry.createdAt)}
                </th>
                <td>
                  <Link to={`/admin/users/${entry.userId}`}>{entry.email}</Link>
                </td>
                <td className="nowrap">
                  <span className="stars" aria-hidden="true">
                    {'★'.repeat(entry.rating)}
                    {'☆'.repeat(5 - entry.rating)}
                  </span>{' '}
                  {entry.rating} of 5
                </td>
                <td className="message">{entry.message || <span className="muted">No message</span>}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {feedback.data ? <Pager paging={paging} nextCursor={feedback.data.nextCursor} label="Pages of feedback" /> : null}
    </>
  );
}
