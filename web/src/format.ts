/** A date and time in the reader's locale, short. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A date and time to the second, for events that may be a minute apart (runs, reports). */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** "1 task", "3 tasks". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A task or run status as words ("runtime_error" → "runtime error"). */
export function statusWords(status: string): string {
  return status.replaceAll('_', ' ');
}

/** The badge tone of a task or run status. */
export function statusTone(status: string): 'ok' | 'bad' | 'busy' | 'warn' | '' {
  if (status === 'ok' || status === 'succeeded' || status === 'ready') return 'ok';
  if (status === 'queued' || status === 'running' || status === 'pending') return 'busy';
  if (status === 'skipped' || status === 'cancelled') return '';
  if (status === 'timeout' || status === 'output_limit' || status === 'memory_limit') return 'warn';
  return 'bad';
}
