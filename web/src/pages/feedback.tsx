import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api';
import type { AssignmentSummary, Page } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { TextAreaField } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { usePageTitle } from '../components/page-title';
import { formErrors } from '../field-errors';

/** The server's limit on a feedback message (`FEEDBACK_MESSAGE_MAX`). */
export const FEEDBACK_MESSAGE_MAX = 4000;

const RATINGS = [
  [1, 'Very poor'],
  [2, 'Poor'],
  [3, 'Okay'],
  [4, 'Good'],
  [5, 'Very good'],
] as const;

type Field = 'rating' | 'message' | 'assignmentId';

const LABELS: Record<Field, string> = { rating: 'The rating', message: 'The message', assignmentId: 'The assignment' };

/** Tell the administrators what works and what does not: a rating, a message and, if it is about one, an assignment. */
export function FeedbackPage() {
  usePageTitle('Send feedback');
  const announce = useAnnounce();
  const [search] = useSearchParams();
  const [rating, setRating] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const [assignmentId, setAssignmentId] = useState(search.get('assignment') ?? '');
  const [assignments, setAssignments] = useState<AssignmentSummary[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    // Only to offer a choice: without the list the form still works, about no assignment in particular.
    api
      .get<Page<AssignmentSummary>>('/assignments?limit=50')
      .then((page) => {
        if (!alive) return;
        setAssignments(page.items);
        // An assignment named in the address that is not (or no longer) theirs is simply not preselected.
        setAssignmentId((old) => (page.items.some((item) => item.id === old) ? old : ''));
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSent(false);
    const local: Partial<Record<Field, string>> = {};
    if (rating === null) local.rating = 'Choose a rating from 1 to 5.';
    if (message.trim() === '') local.message = 'Write a few words about what works or what does not.';
    setErrors(local);
    if (local.rating) {
      document.getElementById('feedback-rating-1')?.focus();
      return;
    }
    if (local.message) {
      document.getElementById('feedback-message')?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.post('/feedback', { rating, message: message.trim(), ...(assignmentId ? { assignmentId } : {}) });
      setRating(null);
      setMessage('');
      setSent(true);
      announce('Thank you. Your feedback was sent to the administrators.');
    } catch (failure) {
      const problem = formErrors(failure, LABELS);
      setErrors(problem.fields);
      setError(problem.notice);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow-wide">
      <h1>Send feedback</h1>
      <p className="lead">Something that works well, something that gets in your way, a question that was read wrong: the people who run LabMate read every message.</p>
      <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate>
        {sent ? (
          <div className="notice ok">
            <p>Thank you. Your feedback was sent to the administrators.</p>
          </div>
        ) : null}
        {error ? <ErrorNotice message={error} /> : null}
        <fieldset className="field plain rating-field" aria-describedby={errors.rating ? 'feedback-rating-error' : undefined}>
          <legend>How well is LabMate working for you?</legend>
          <div className="rating">
            {RATINGS.map(([value, words]) => (
              <span key={value} className="check">
                <input
                  id={`feedback-rating-${value}`}
                  type="radio"
                  name="rating"
                  value={value}
                  checked={rating === value}
                  onChange={() => {
                    setRating(value);
                    setErrors((old) => ({ ...old, rating: undefined }));
                  }}
                  aria-invalid={errors.rating ? true : undefined}
                />
                <label htmlFor={`feedback-rating-${value}`}>
                  {value} · {words}
                </label>
              </span>
            ))}
          </div>
          {errors.rating ? (
            <span id="feedback-rating-error" className="field-error">
              {errors.rating}
            </span>
          ) : null}
        </fieldset>
        <TextAreaField
          id="feedback-message"
          label="Your message"
          rows={7}
          maxLength={FEEDBACK_MESSAGE_MAX}
          value={message}
          onChange={(event) => {
            setMessage(event.target.value);
            setErrors((old) => ({ ...old, message: undefined }));
          }}
          error={errors.message}
        />
        {assignments.length > 0 ? (
          <div className="field">
            <label htmlFor="feedback-assignment">About an assignment (optional)</label>
            <select id="feedback-assignment" value={assignmentId} onChange={(event) => setAssignmentId(event.target.value)}>
              <option value="">None in particular</option>
              {assignments.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.originalName}
                </option>
              ))}
            </select>
            {errors.assignmentId ? <span className="field-error">{errors.assignmentId}</span> : null}
          </div>
        ) : null}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? 'Sending…' : 'Send feedback'}
        </button>
      </form>
    </div>
  );
}
