import { useEffect, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { AiBudget } from '../api/types';
import { ErrorNotice, Loading } from '../components/notice';
import { formatDate } from '../format';

/** How many of today's AI tokens the user has used, and when the allowance renews. */
export function AiBudgetPanel() {
  const [budget, setBudget] = useState<AiBudget | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    api
      .get<AiBudget>('/me/ai-budget')
      .then((answer) => alive && setBudget(answer))
      .catch((failure: unknown) => alive && setError(messageOf(failure)));
    return () => {
      alive = false;
    };
  }, []);

  if (error) return <ErrorNotice message={`Your AI use could not be loaded. ${error}`} />;
  if (!budget) return <Loading label="Loading your AI use…" />;
  const percent = budget.dailyTokens > 0 ? Math.min(100, Math.round((budget.usedTokens / budget.dailyTokens) * 100)) : 100;
  return (
    <>
      <p>
        {budget.usedTokens.toLocaleString()} of {budget.dailyTokens.toLocaleString()} tokens used today ({percent} %). The
        allowance renews {formatDate(budget.renewsAt)}.
      </p>
      <progress className="progress" max={100} value={percent} aria-label="AI tokens used today" />
    </>
  );
}
