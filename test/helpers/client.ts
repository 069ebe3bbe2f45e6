import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { multipartFile } from './multipart.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like caller over `inject`: keeps cookies, fetches and sends the CSRF token. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly ip = '127.0.0.1',
  ) {}

  /** Sends a request; unsafe methods carry the CSRF token unless `csrf: false`. */
  async request(
    method: Method,
    url: string,
    options: { body?: unknown; csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (method !== 'GET' && options.csrf !== false) {
      this.csrfToken ??= await this.fetchCsrf();
      headers['x-csrf-token'] = this.csrfToken;
    }
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const inject: InjectOptions = { method, url, headers, remoteAddress: this.ip };
    if (options.body !== undefined) inject.payload = options.body as InjectOptions['payload'];
    const response = await this.app.inject(inject);
    this.absorbCookies(response);
    const body = String(response.headers['content-type'] ?? '').includes('json') ? (response.json() as { csrfToken?: string }) : undefined;
    if (body && typeof body.csrfToken === 'string') this.csrfToken = body.csrfToken;
    return response;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, body?: unknown, options: { csrf?: boolean } = {}) {
    return this.request('POST', url, { body, ...options });
  }

  /** Signs up (which also signs in). */
  async signUp(email: string, password = 'a sturdy passphrase', name = 'Test Student') {
    return this.post('/api/v1/auth/signup', { email, name, password });
  }

  /** Signs in. */
  async signIn(email: string, password = 'a sturdy passphrase') {
    return this.post('/api/v1/auth/login', { email, password });
  }

  /** Uploads a document as the web app does (multipart field `file`). */
  upload(fileName: string, bytes: Buffer) {
    const { body, headers } = multipartFile('file', fileName, bytes);
    return this.request('POST', '/api/v1/assignments', { body, headers });
  }

  /** The current value of a cookie the server set. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Replaces the session cookie (to replay an old one). */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private async fetchCsrf(): Promise<string> {
    const response = await this.get('/api/v1/auth/csrf');
    return (response.json() as { csrfToken: string }).csrfToken;
  }

  private absorbCookies(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>) {
      // clearCookie sends the epoch; the app's own clock may be far from the real one, so only that counts as deletion.
      const expired = (cookie.expires !== undefined && cookie.expires.getTime() <= 86_400_000) || cookie.maxAge === 0 || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}
