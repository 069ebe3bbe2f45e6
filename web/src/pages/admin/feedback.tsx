import { Link } from 'react-router';
import { ListTable } from '../../admin/list-table';
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
  return (
    <>
      <h1>Feedback</h1>
      <ListTable
        list={feedback}
        noun="feedback"
        empty="No feedback yet."
        caption="Feedback, newest first"
        hideCaption
        columns={['Received', 'From', 'Rating', 'Message']}
        pages={{ paging, label: 'Pages of feedback' }}
        row={(entry) => (
          <tr>
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
        )}
      />
    </>
  );
}
