import { describe, expect, it } from 'vitest';
import { createApiClient } from './client';
import { ApiError } from './problem';
import { json, problem } from './test-network';

interface Call {
  method: string;
  url: string;
  csrf: string | null;
}

/** A stand-in for the network: answers from a script and records each request. */
function network(answer: (call: Call, index: number) => Response) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const call = { method: init?.method ?? 'GET', url: String(input), csrf: headers.get('x-csrf-token') };
    calls.push(call);
    return answer(call, calls.length - 1);
  };
  return { calls, fetch };
}


describe('the API client', () => {
  it('fetches the CSRF token once and sends it on every unsafe request', async () => {
    const { calls, fetch } = network((call) => (call.url.endsWith('/auth/csrf') ? json(200, { csrfToken: 'token-1' }) : json(200, { ok: true })));
    const api = createApiClient({ fetch });
    await api.post('/feedback', { rating: 5 });
    await api.patch('/me', { name: 'Sam' });
    await api.get('/assignments');
    expect(calls.map((c) => `${c.method} ${c.url} ${c.csrf}`)).toEqual([
      'GET /api/v1/auth/csrf null',
      'POST /api/v1/feedback token-1',
      'PATCH /api/v1/me token-1',
      'GET /api/v1/assignments null',
    ]);
  });

  it('gets a fresh token and retries once when the server says the token is stale', async () => {
    let tokens = 0;
    const { calls, fetch } = network((call) => {
      if (call.url.endsWith('/auth/csrf')) return json(200, { csrfToken: `token-${++tokens}` });
      return call.csrf === 'token-1' ? problem(403, 'csrf', 'The X-CSRF-Token header does not match this session.') : json(201, { id: 'x' });
    });
    const api = createApiClient({ fetch });
    expect(await api.post('/assignments/a/tasks', { question: 'Q' })).toEqual({ id: 'x' });
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.csrf)).toEqual(['token-1', 'token-2']);
  });

  it('throws the server’s detail and sends the user to sign in on an ended session', async () => {
    let signInAsked = 0;
    const { fetch } = network(() => problem(401, 'unauthenticated', 'Sign in to use this resource.'));
    const api = createApiClient({ fetch, onUnauthenticated: () => signInAsked++ });
    await expect(api.get('/assignments')).rejects.toThrow('Sign in to use this resource.');
    expect(signInAsked).toBe(1);
    await expect(api.get('/auth/me', { anonymousOk: true })).rejects.toBeInstanceOf(ApiError);
    expect(signInAsked).toBe(1);
  });

  it('does not treat a wrong password as an ended session', async () => {
    let signInAsked = 0;
    const { fetch } = network((call) => (call.url.endsWith('/auth/csrf') ? json(200, { csrfToken: 't' }) : problem(401, 'invalid-credentials', 'The email or password is not correct.')));
    const api = createApiClient({ fetch, onUnauthenticated: () => signInAsked++ });
    await expect(api.post('/auth/login', { email: 'a@b.c', password: 'x' })).rejects.toThrow('The email or password is not correct.');
    expect(signInAsked).toBe(0);
  });

  it('says the server could not be reached when the request never got an answer', async () => {
    const api = createApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(api.get('/assignments')).rejects.toMatchObject({ type: 'network', message: 'Could not reach LabMate; check your connection and try again.' });
  });
});
