import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DOMParser } from '@xmldom/xmldom';
import { AwsClient } from 'aws4fetch';
import type { S3Config } from '../config/config.js';
import { assertValidKey, BlobNotFoundError, type BlobStore } from './blob-store.js';

const ATTEMPTS = 3;
const RETRY_BASE_MS = 200;
const REQUEST_TIMEOUT_MS = 30_000;
/** Readiness probes live under a prefix no server-made key uses, so the orphan sweeper never sees them. */
const PROBE_PREFIX = '.labmate-probe/';

type Method = 'GET' | 'HEAD' | 'PUT' | 'DELETE';

/** S3-compatible object storage (AWS S3, MinIO, Cloudflare R2, Ceph…) over its REST API, signed with SigV4. */
export function s3BlobStore(config: S3Config, options: { timeoutMs?: number } = {}): BlobStore {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, service: 's3', region: config.region, retries: 0 });
  const bucketUrl = `${config.endpoint}/${encodeURIComponent(config.bucket)}`;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;

  function objectUrl(key: string): string {
    return `${bucketUrl}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** One signed request, retried on network errors, 429 and 5xx with jittered back-off (bodies are buffers, so resendable). */
  async function send(method: Method, url: string, body?: Buffer): Promise<Response> {
    let failure = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      // The limit covers waiting for the answer's headers only: a streamed download may take as long as its reader.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      try {
        const init: RequestInit = { method, signal: controller.signal };
        if (body) init.body = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
        const response = await client.fetch(url, init);
        clearTimeout(timer);
        if (response.status !== 429 && response.status < 500) return response;
        failure = `HTTP ${response.status}`;
        await response.body?.cancel();
      } catch (error) {
        clearTimeout(timer);
        failure = error instanceof Error ? error.message : String(error);
      }
      if (attempt < ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, Math.random() * RETRY_BASE_MS * 2 ** attempt));
    }
    throw new Error(`object storage ${method} failed ${ATTEMPTS} times: ${failure}`);
  }

  async function expectOk(response: Response, what: string): Promise<Response> {
    if (response.ok) return response;
    throw new Error(`object storage refused ${what}: HTTP ${response.status} ${await errorCode(response)}`);
  }

  async function get(key: string): Promise<Response> {
    assertValidKey(key);
    const response = await send('GET', objectUrl(key));
    if (response.status === 404) {
      await response.body?.cancel();
      throw new BlobNotFoundError(key);
    }
    return expectOk(response, `reading ${key}`);
  }

  async function put(key: string, data: Buffer): Promise<void> {
    await expectOk(await send('PUT', objectUrl(key), data), `writing ${key}`).then((response) => response.body?.cancel());
  }

  return {
    async putFile(key, source) {
      assertValidKey(key);
      // Uploads and generated files are bounded (LABMATE_UPLOAD_MAX_MB); a buffer keeps the request signable and retryable.
      const data = await readFile(source);
      await put(key, data);
      return { bytes: data.length };
    },
    async putBuffer(key, data) {
      assertValidKey(key);
      await put(key, data);
    },
    async open(key) {
      const response = await get(key);
      if (!response.body) return Readable.from([]);
      return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    },
    async read(key) {
      return Buffer.from(await (await get(key)).arrayBuffer());
    },
    async delete(key) {
      assertValidKey(key);
      const response = await send('DELETE', objectUrl(key));
      if (response.status !== 404) await expectOk(response, `deleting ${key}`);
      await response.body?.cancel();
    },
    async list(prefix) {
      // A prefix names a folder, as on the filesystem: `uploads/u1` must not list `uploads/u10/…`.
      const folder = prefix.replace(/\/+$/, '');
      if (folder) assertValidKey(folder);
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const query = new URLSearchParams({ 'list-type': '2', prefix: folder ? `${folder}/` : '' });
        if (token) query.set('continuation-token', token);
        const response = await expectOk(await send('GET', `${bucketUrl}?${query}`), `listing ${prefix || 'the bucket'}`);
        const page = parseListing(await response.text());
        keys.push(...page.keys.filter((key) => !key.startsWith(PROBE_PREFIX)));
        token = page.nextToken;
      } while (token);
      return keys.sort();
    },
    async modifiedAt(key) {
      assertValidKey(key);
      const response = await send('HEAD', objectUrl(key));
      if (response.status === 404) return undefined;
      await expectOk(response, `reading the date of ${key}`);
      const header = response.headers.get('last-modified');
      return header ? new Date(header) : undefined;
    },
    async check() {
      const probe = `${bucketUrl}/${PROBE_PREFIX}${randomUUID()}`;
      try {
        await expectOk(await send('PUT', probe, Buffer.from('ok')), 'a probe write');
        await send('DELETE', probe);
      } catch (error) {
        throw new Error(`bucket ${config.bucket} at ${config.endpoint} is not writable: ${(error as Error).message}`);
      }
    },
  };
}

/** The S3 error code (e.g. NoSuchBucket, AccessDenied) from an error answer's XML, or ''. */
async function errorCode(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? '';
}

/** Keys and the continuation token of one ListObjectsV2 page. */
function parseListing(xml: string): { keys: string[]; nextToken: string | undefined } {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const keys: string[] = [];
  const contents = document.getElementsByTagName('Contents');
  for (let i = 0; i < contents.length; i++) {
    const key = contents[i]?.getElementsByTagName('Key')[0]?.textContent;
    if (key) keys.push(key);
  }
  const truncated = document.getElementsByTagName('IsTruncated')[0]?.textContent === 'true';
  const nextToken = truncated ? (document.getElementsByTagName('NextContinuationToken')[0]?.textContent ?? undefined) : undefined;
  return { keys, nextToken };
}
