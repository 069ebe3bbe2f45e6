import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, docxEntries, zipEntries } from '../fixtures/docx-builder.js';
import { multipartFile } from '../helpers/multipart.js';
import { descendants } from '../helpers/processes.js';

const root = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? NaN);
}

function post(port: number, body: Buffer, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/assignments', headers: { ...headers, 'content-length': String(body.length) } });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    // Send it the way a slow-ish browser does, a megabyte at a time.
    let offset = 0;
    const pump = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + MB);
        offset += chunk.length;
        if (!request.write(chunk)) return request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}

describe('uploading a 50 MB document', { timeout: 240_000 }, () => {
  let child: ChildProcess;
  let port: number;
  let headers: Record<string, string>;

  beforeAll(async () => {
    port = 3900 + Math.floor(Math.random() * 90);
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', LABMATE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lm-mem-')) },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600 && !(await fetch(`${base}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    const csrf = await fetch(`${base}/api/v1/auth/csrf`);
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signup = await fetch(`${base}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
      body: JSON.stringify({ email: 'big@example.com', name: 'Big', password: 'a sturdy passphrase' }),
    });
    const session = signup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken: sessionCsrf } = (await signup.json()) as { csrfToken: string };
    headers = { cookie: session, 'x-csrf-token': sessionCsrf };
  });
  afterAll(() => {
    child.kill('SIGTERM');
  });

  it('grows the memory of the server and its pool process by less than 64 MB', async () => {
    const small = multipartFile('file', 'warm-up.docx', await buildDocx([{ text: 'Q1. Write a program to add two numbers.' }]));
    expect((await post(port, small.body, { ...headers, ...small.headers })).status).toBe(201);

    const entries = docxEntries([{ text: 'Q1. Describe the picture below.' }]);
    entries.set('word/media/scan.bin', randomBytes(49 * MB));
    const big = multipartFile('file', 'scan.docx', await zipEntries(entries));
    expect(big.body.length).toBeGreaterThan(49 * MB);

    // The server reads uploads in its pool process (started by the warm-up): its memory counts too.
    const server = child.pid ?? 0;
    const pool = descendants(server).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pool-process-main'));
    expect(pool).toHaveLength(1);
    const pids = [server, ...pool];
    const before = pids.map((pid) => statusKb(pid, 'VmRSS'));
    const response = await post(port, big.body, { ...headers, ...big.headers });
    expect(response.status, response.text).toBe(201);
    const peakGrowthMb = pids.reduce((sum, pid, index) => sum + statusKb(pid, 'VmHWM') - before[index]!, 0) / 1024;
    console.log(`50 MB upload: peak RSS of the server and its pool process grew ${peakGrowthMb.toFixed(1)} MB`);
    expect(peakGrowthMb).toBeLessThan(64);
  });
});
