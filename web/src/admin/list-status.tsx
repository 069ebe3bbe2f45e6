import type { ReactNode } from 'react';
import { ErrorNotice, Loading } from '../components/notice';
import type { ApiGet } from './use-api-get';

interface ListStatusProps {
  list: ApiGet<{ items: unknown[] }>;
  /** What the list holds, for "The users could not be loaded", "Loading users…". */
  noun: string;
  /** What an empty list says. */
  empty: ReactNode;
}

/** What a list shows besides (or instead of) its table: why it failed with a retry, that it is loading, or that it is empty. */
export function ListStatus({ list, noun, empty }: ListStatusProps) {
  if (list.error) return <ErrorNotice message={`The ${noun} could not be loaded. ${list.error}`} onRetry={list.reload} />;
  if (list.data === null) return <Loading label={`Loading ${noun}…`} />;
  if (list.data.items.length === 0) {
    return (
      <div className="card empty">
        <p>{empty}</p>
      </div>
    );
  }
  return null;
}
