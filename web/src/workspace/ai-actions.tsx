import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { AiAction, Started, Task } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice } from '../components/notice';

const POLL_MS = 1500;

type Kind = { path: string; label: string; doing: string };

const DRAFT_CODE: Kind = { path: 'draft-code', label: 'Draft code with AI', doing: 'drafting code' };
const SUGGEST_INPUT: Kind = { path: 'suggest-input', label: 'Suggest input', doing: 'suggesting input' };
const REVIEW: Kind = { path: 'review', label: 'Review code', doing: 'reviewing the code' };
const DRAFT_ANSWER: Kind = { path: 'draft-answer', label: 'Draft answer with AI', doing: 'drafting an answer' };

/** The AI actions that make sense for a task as it is now. */
function actionsFor(task: Task): Kind[] {
  if (task.kind === 'code') return task.code.trim() === '' ? [DRAFT_CODE] : [SUGGEST_INPUT, REVIEW];
  if (task.kind === 'theory') return [DRAFT_ANSWER];
  return [];
}

interface Review {
  summary: string;
  issues: Array<{ title: string; severity: string; line: number | null; detail: string }>;
  diff: string;
}

function asReview(result: Record<string, unknown> | null): Review | null {
  if (!result || typeof result['summary'] !== 'string') return null;
  return {
    summary: result['summary'],
    issues: Array.isArray(result['issues']) ? (result['issues'] as Review['issues']) : [],
    diff: typeof result['diff'] === 'string' ? result['diff'] : '',
  };
}

/** AI buttons for one task: each starts a background action, waits for it, then reloads the task's drafts. */
export function AiActions({ assignmentId, task, title, onFinished }: { assignmentId: string; task: Task; title: string; onFinished: () => void }) {
  const announce = useAnnounce();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  async function start(kind: Kind) {
    setBusy(kind);
    setError(null);
    announce(`AI is ${kind.doing} for ${title}.`);
    try {
      const started = await api.post<Started>(`/assignments/${assignmentId}/tasks/${task.id}/${kind.path}`);
      let action = await api.get<AiAction>(`/ai-actions/${started.id}`);
      while (alive.current && (action.status === 'queued' || action.status === 'running')) {
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
        action = await api.get<AiAction>(`/ai-actions/${started.id}`);
      }
      if (!alive.current) return;
      if (action.status === 'failed') {
        setError(action.error ?? 'The AI could not do this; try again later.');
      } else {
        if (action.action === 'review') setReview(asReview(action.result));
        announce(`AI finished ${kind.doing} for ${title}. The result is marked as a draft.`);
      }
      onFinished();
    } catch (failure) {
      if (alive.current) setError(messageOf(failure));
    } finally {
      if (alive.current) setBusy(null);
    }
  }

  const actions = actionsFor(task);
  if (actions.length === 0) return null;
  return (
    <>
      {actions.map((kind) => (
        <button key={kind.path} type="button" className="button small" disabled={busy !== null} onClick={() => void start(kind)}>
          {busy === kind ? <span className="spinner" aria-hidden="true" /> : null}
          {kind.label}
        </button>
      ))}
      {error ? <ErrorNotice message={error} /> : null}
      {review ? (
        <div className="ai-box review">
          <p>
            <span className="badge draft">AI review</span> {review.summary}
          </p>
          {review.issues.length > 0 ? (
            <ul>
              {review.issues.map((issue, index) => (
                <li key={index}>
                  <strong>{issue.title}</strong> ({issue.severity}
                  {issue.line !== null ? `, line ${issue.line}` : ''}): {issue.detail}
                </li>
              ))}
            </ul>
          ) : null}
          {review.diff ? (
            <details>
              <summary>Suggested change</summary>
              <pre className="code-view">{review.diff}</pre>
            </details>
          ) : null}
          <button type="button" className="button small" onClick={() => setReview(null)}>
            Close review
          </button>
        </div>
      ) : null}
    </>
  );
}
