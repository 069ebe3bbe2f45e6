/** The audit filters as the address holds them: dates are the reader's local calendar days, `to` included. */
export interface AuditFilter {
  userId: string;
  event: string;
  /** yyyy-mm-dd, or '' for no bound. */
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a yyyy-mm-dd day as an ISO instant, or null when it is not such a day. */
export function startOfDay(day: string, plusDays = 0): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The filter from the address's query string. */
export function auditFilterOf(search: string): AuditFilter {
  const params = new URLSearchParams(search);
  return { userId: params.get('userId') ?? '', event: params.get('event') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
}

/** What is wrong with the dates, or null: the API takes the range [from, to) and refuses an empty one. */
export function auditFilterProblem(filter: Pick<AuditFilter, 'from' | 'to'>): string | null {
  if (filter.from && !startOfDay(filter.from)) return 'The “from” date is not a date.';
  if (filter.to && !startOfDay(filter.to)) return 'The “to” date is not a date.';
  if (filter.from && filter.to && filter.to < filter.from) return 'The “to” date is before the “from” date.';
  return null;
}

/** The API query for a filter: whole local days, the `to` day included (so up to the next midnight). */
export function auditQuery(filter: AuditFilter): Record<string, string | null> {
  return {
    userId: filter.userId || null,
    event: filter.event || null,
    from: filter.from ? startOfDay(filter.from) : null,
    to: filter.to ? startOfDay(filter.to, 1) : null,
  };
}
