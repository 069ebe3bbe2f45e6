import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { s3BlobStore } from '../../src/storage/s3-blob-store.js';
import { startS3Server, type TestS3Server } from '../helpers/s3-server.js';
import { blobStoreContract } from './blob-store-contract.js';

describe('s3BlobStore against an S3-compatible server', () => {
  const servers: TestS3Server[] = [];
  async function server(): Promise<TestS3Server> {
    const started = await startS3Server();
    servers.push(started);
    return started;
  }
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  blobStoreContract(async () => s3BlobStore((await server()).config));

  it('fails its readiness check naming the bucket when the bucket does not exist', async () => {
    const { config } = await server();
    await expect(s3BlobStore({ ...config, bucket: 'no-such-bucket' }).check()).rejects.toThrow(/bucket no-such-bucket .* not writable: .*NoSuchBucket/);
  });
});

// s3rver neither checks SigV4 signatures nor pages listings on current Node (its continuation tokens use DES), so
// those two are checked against endpoints scripted here.
describe('s3BlobStore against scripted endpoints', () => {
  let endpoint: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (endpoint ? endpoint.close(() => resolve()) : resolve())));

  async function listen(handler: http.RequestListener): Promise<string> {
    endpoint = http.createServer(handler);
    await new Promise<void>((resolve) => endpoint?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
  }
  async function flaky(failures: number): Promise<{ url: string; requests: () => number }> {
    let seen = 0;
    const url = await listen((req, res) => {
      seen++;
      req.resume();
      res.writeHead(seen <= failures ? 503 : 200).end();
    });
    return { url, requests: () => seen };
  }
  const settings = (url: string) => ({ endpoint: url, bucket: 'b', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's' });

  it('retries a write the endpoint answered 503', async () => {
    const { url, requests } = await flaky(2);
    await s3BlobStore(settings(url)).putBuffer('uploads/u1/a', Buffer.from('x'));
    expect(requests()).toBe(3);
  });

  it('gives up after three attempts with the last status', async () => {
    const { url, requests } = await flaky(10);
    await expect(s3BlobStore(settings(url)).putBuffer('uploads/u1/a', Buffer.from('x'))).rejects.toThrow(/failed 3 times: HTTP 503/);
    expect(requests()).toBe(3);
  });

  it('signs requests with SigV4 for the configured region', async () => {
    let authorization = '';
    const url = await listen((req, res) => {
      authorization = req.headers.authorization ?? '';
      req.resume();
      res.writeHead(200).end();
    });
    await s3BlobStore({ ...settings(url), region: 'eu-west-3' }).putBuffer('uploads/u1/a', Buffer.from('x'));
    expect(authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=k\/\d{8}\/eu-west-3\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
  });

  it('follows continuation tokens through every page of a listing', async () => {
    const queries: URLSearchParams[] = [];
    const url = await listen((req, res) => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      queries.push(query);
      const first = !query.has('continuation-token');
      const keys = first ? ['uploads/u1/a', 'uploads/u1/b'] : ['uploads/u1/c'];
      res.writeHead(200, { 'content-type': 'application/xml' }).end(
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name>` +
          keys.map((key) => `<Contents><Key>${key}</Key><Size>1</Size></Contents>`).join('') +
          `<IsTruncated>${first}</IsTruncated>${first ? '<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>' : ''}</ListBucketResult>`,
      );
    });
    expect(await s3BlobStore(settings(url)).list('uploads/u1')).toEqual(['uploads/u1/a', 'uploads/u1/b', 'uploads/u1/c']);
    expect(queries.map((q) => [q.get('list-type'), q.get('prefix'), q.get('continuation-token')])).toEqual([
      ['2', 'uploads/u1/', null],
      ['2', 'uploads/u1/', '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM='],
    ]);
  });
});
