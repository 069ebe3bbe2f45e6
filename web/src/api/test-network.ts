// Test helpers for code that talks to the API; no app module imports this file.
import { vi } from 'vitest';

/** A JSON answer as the server sends it. */
export const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** A problem+json answer with its slug and detail. */
export const problem = (status: number, slug: string, detail: string, extra: Record<string, unknown> = {}) =>
  json(status, { type: `/problems/${slug}`, status, detail, ...extra }, 'application/problem+json');

/** Answers the shared API client's requests (it calls the global fetch) from a script; undo with `vi.unstubAllGlobals()`. */
export function stubNetwork(answer: (url: string, body: unknown) => Response): void {
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => answer(url, init?.body === undefined ? undefined : JSON.parse(String(init.body))));
}
