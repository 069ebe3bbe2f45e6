// Scores `labmate parse` on the shared corpus (../shared/tools/parse-eval.mjs). With --ai it scores three passes —
// heuristics only, with the AI replaying a fixed set of corrections from a local fake OpenAI-compatible server, and
// the same again to show the answer cache makes zero calls — and fails when the AI lowers recall or precision.
//
//   npm run eval:parse [-- --verbose]        npm run eval:parse -- --ai [--verbose]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonReply, startFakeOpenAiServer, type RecordedRequest } from '../test/ai/fake-openai-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tool = path.resolve(root, '..', 'shared', 'tools', 'parse-eval.mjs');
const args = process.argv.slice(2);
const withAi = args.includes('--ai');
const passThrough = args.filter((arg) => arg !== '--ai');

interface Overall {
  line: string;
  recall: number;
  precision: number;
}

function score(env: NodeJS.ProcessEnv): Promise<Overall> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tool, ...passThrough], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('overall')) ?? '';
      const value = (name: string) => Number(new RegExp(`${name}=([0-9.]+)`).exec(line)?.[1] ?? NaN);
      if (code !== 0 || !line) reject(new Error(`parse-eval exited ${code} without an overall line`));
      else resolve({ line, recall: value('recall'), precision: value('precision') });
    });
  });
}

interface Replay {
  entries: Array<{ when: string; corrections: unknown[] }>;
}

/** The model's side: the fixed corrections for the document part a request carries, none for any other part. */
function replaying(replay: Replay) {
  return (request: RecordedRequest) => {
    const user = request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
    if (request.body.response_format?.json_schema?.name !== 'task_corrections') return { status: 400, body: { error: { message: 'only task corrections are replayed' } } };
    const corrections = replay.entries.filter((entry) => user.includes(entry.when)).flatMap((entry) => entry.corrections);
    return jsonReply({ corrections });
  };
}

if (!withAi) {
  const baseline = await score({ ...process.env, LABMATE_AI_BASE_URL: '', LABMATE_AI_MODEL: '' });
  process.exit(Number.isNaN(baseline.recall) ? 1 : 0);
}

const replay = JSON.parse(await readFile(path.join(root, 'test', 'fixtures', 'ai-replay', 'corrections.json'), 'utf8')) as Replay;
const ai = await startFakeOpenAiServer({ handler: replaying(replay) });
const dataDir = await mkdtemp(path.join(tmpdir(), 'labmate-eval-ai-'));
try {
  console.log('## heuristics only');
  const baseline = await score({ ...process.env, LABMATE_AI_BASE_URL: '', LABMATE_AI_MODEL: '' });
  // The answer cache lives in a fresh embedded database, whatever DATABASE_URL the shell has.
  const { DATABASE_URL: _database, ...inherited } = process.env;
  const aiEnv = { ...inherited, LABMATE_AI_BASE_URL: ai.url, LABMATE_AI_MODEL: 'replay', LABMATE_DATA_DIR: dataDir };
  console.log('## with AI (replayed corrections)');
  const first = await score(aiEnv);
  const firstCalls = ai.requests.length;
  console.log('## with AI again (answers from the cache)');
  const second = await score(aiEnv);
  const secondCalls = ai.requests.length - firstCalls;
  console.log('');
  console.log(`heuristics: ${baseline.line}`);
  console.log(`with AI:    ${first.line}  (${firstCalls} model calls)`);
  console.log(`cached:     ${second.line}  (${secondCalls} model calls)`);
  const failures = [
    first.recall < baseline.recall ? `recall fell from ${baseline.recall} to ${first.recall}` : '',
    first.precision < baseline.precision ? `precision fell from ${baseline.precision} to ${first.precision}` : '',
    secondCalls !== 0 ? `the second pass made ${secondCalls} model calls instead of 0` : '',
    second.line.replace(/\s+\d+ms/g, '') !== first.line.replace(/\s+\d+ms/g, '') ? 'the cached pass scored differently' : '',
  ].filter(Boolean);
  console.log(failures.length === 0 ? 'ai: no lower than the heuristics; the cache made the second pass free' : `ai: FAILED: ${failures.join('; ')}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  await ai.close();
  await rm(dataDir, { recursive: true, force: true });
}
