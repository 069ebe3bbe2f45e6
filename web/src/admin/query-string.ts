/** `search` with each named parameter set, or removed when its value is null or empty; "" or "?…". */
export function withParams(search: string, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `search` with new filter values and the paging cursor dropped: a new filter starts at its first page. */
export function withFilters(search: string, changes: Record<string, string | null>): string {
  return withParams(search, { ...changes, cursor: null });
}

/** An API path with the given query parameters, leaving out empty ones. */
export function apiPath(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
