import { networkError, problemError } from './problem';

const BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 is the expected answer (e.g. "who am I?"): do not send the user to sign in. */
  anonymousOk?: boolean;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** Called when a request needs a session that has ended; the app sends the user to sign in. */
  onUnauthenticated?: () => void;
}

/** The one way the web app talks to the API: JSON over same-origin fetch with the session cookie and a CSRF token. */
export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  delete(path: string, options?: RequestOptions): Promise<void>;
  /** The CSRF token for unsafe requests, fetched once (or again after `forgetCsrfToken`). */
  csrfToken(): Promise<string>;
  /** Uses the token a sign-in or sign-up answered with (it is bound to the new session). */
  setCsrfToken(token: string): void;
  /** Drops the cached token, e.g. after sign-out or a csrf problem. */
  forgetCsrfToken(): void;
  setUnauthenticatedHandler(handler: () => void): void;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Builds an API client; the app uses the shared one in `./index`, tests their own with a stub fetch. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let onUnauthenticated = options.onUnauthenticated;
  let token: Promise<string> | null = null;

  async function send(method: string, path: string, opts: RequestOptions, csrf: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (csrf !== null) headers['x-csrf-token'] = csrf;
    try {
      return await doFetch(`${BASE}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    } catch (error) {
      if (opts.signal?.aborted) throw error;
      throw networkError();
    }
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const unsafe = UNSAFE.has(method);
    let response = await send(method, path, opts, unsafe ? await client.csrfToken() : null);
    let body = await readBody(response);
    if (unsafe && response.status === 403 && problemError(403, body).type === 'csrf') {
      // The token belongs to an older session (signed in elsewhere, expired): get the current one and try once more.
      client.forgetCsrfToken();
      response = await send(method, path, opts, await client.csrfToken());
      body = await readBody(response);
    }
    if (response.ok) return body as T;
    const error = problemError(response.status, body, response.headers.get('retry-after'));
    if (error.status === 401 && error.type === 'unauthenticated' && !opts.anonymousOk) onUnauthenticated?.();
    throw error;
  }

  const client: ApiClient = {
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body: body ?? {} }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    delete: async (path, opts) => {
      await request<undefined>('DELETE', path, opts);
    },
    csrfToken() {
      if (token === null) {
        const pending = request<{ csrfToken: string }>('GET', '/auth/csrf', { anonymousOk: true }).then((answer) => answer.csrfToken);
        // A failed fetch must not stick: the next request asks again.
        pending.catch(() => {
          if (token === pending) token = null;
        });
        token = pending;
      }
      return token;
    },
    setCsrfToken(value) {
      token = Promise.resolve(value);
    },
    forgetCsrfToken() {
      token = null;
    },
    setUnauthenticatedHandler(handler) {
      onUnauthenticated = handler;
    },
  };
  return client;
}
