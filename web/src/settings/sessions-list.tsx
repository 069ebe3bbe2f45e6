import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { AuthSession } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice, Loading } from '../components/notice';
import { formatDate } from '../format';
import { describeUserAgent } from './user-agent';

/** Where the user is signed in, this device first; any other session can be ended from here. */
export function SessionsList({ reloadKey, headingId }: { reloadKey: number; headingId: string }) {
  const announce = useAnnounce();
  const [sessions, setSessions] = useState<AuthSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const [endError, setEndError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const answer = await api.get<{ items: AuthSession[] }>('/auth/sessions');
      setSessions([...answer.items].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt)));
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  async function end(session: AuthSession) {
    setEnding(session.id);
    setEndError(null);
    try {
      await api.delete(`/auth/sessions/${session.id}`);
      setSessions((old) => old?.filter((item) => item.id !== session.id) ?? null);
      announce(`Signed out ${describeUserAgent(session.userAgent)}.`);
      // The button that had focus is gone with its row; the section's heading is the nearest sensible place.
      const heading = document.getElementById(headingId);
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    } catch (failure) {
      setEndError(messageOf(failure));
    } finally {
      setEnding(null);
    }
  }

  if (error) return <ErrorNotice message={`Your sessions could not be loaded. ${error}`} onRetry={() => void load()} />;
  if (sessions === null) return <Loading label="Loading your sessions…" />;
  return (
    <>
      {endError ? <ErrorNotice message={endError} /> : null}
      <ul className="list sessions" aria-label="Signed-in sessions">
        {sessions.map((session) => {
          const device = describeUserAgent(session.userAgent);
          return (
            <li key={session.id} className="list-item session">
              <div className="grow">
                <span className="title">{device}</span> {session.current ? <span className="badge ok">This device</span> : null}
                <div className="meta">
                  Signed in {formatDate(session.createdAt)} · last active {formatDate(session.lastSeenAt)}
                  {session.ip ? ` · from ${session.ip}` : ''}
                </div>
              </div>
              {session.current ? null : (
                <button
                  type="button"
                  className="button small danger"
                  aria-label={`End session: ${device}, signed in ${formatDate(session.createdAt)}`}
                  disabled={ending !== null}
                  onClick={() => void end(session)}
                >
                  {ending === session.id ? <span className="spinner" aria-hidden="true" /> : null}
                  End session
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {sessions.length === 1 ? <p className="muted below">You are not signed in anywhere else.</p> : null}
    </>
  );
}
