import { randomUUID } from 'node:crypto';
import { fileNameFor, isThemeName } from '../render/index.js';
import { runsRepository } from '../db/repositories/runs.repository.js';
import type { ArtifactKind, RunTaskRow, RunTaskStatus, TaskRow } from '../db/schema.js';
import { isRunnableLanguage } from '../languages.js';
import type { Language } from '../sandbox/index.js';
import { inputFilesOf } from '../assignments/task-rows.js';
import type { RunDeps } from './deps.js';

const MAX_TRANSCRIPT_CHARS = 1_000_000;
const MAX_CARD_BYTES = 16 * 1024;

/** Why a task is not run, or null when it can be. */
function skipReason(task: TaskRow | undefined): string | null {
  if (!task) return 'the task was deleted';
  if (task.kind !== 'code') return `a ${task.kind} task has no program to run`;
  if (!task.code.trim()) return 'the task has no code yet';
  if (!isRunnableLanguage(task.language)) {
    return task.language ? `${task.language} programs are not run in the sandbox` : 'the language of the code is unknown';
  }
  return null;
}

/** Runs one task of a run in the sandbox, renders its screenshots and stores every artifact; returns its status. */
export async function executeTask(
  deps: RunDeps,
  input: { runId: string; ownerId: string; entry: RunTaskRow; task: TaskRow | undefined; signal: AbortSignal },
): Promise<RunTaskStatus> {
  const runs = runsRepository(deps.db);
  const { runId, entry, task } = input;
  const skipped = skipReason(task);
  if (skipped || !task) {
    await runs.updateTask(runId, entry.task_id, { status: 'skipped', detail: skipped, finished_at: deps.clock().toISOString() });
    return 'skipped';
  }
  const language = task.language as Language;
  const files = inputFilesOf(task);
  const sandboxStarted = performance.now();
  const result = await deps.sandbox.run({ language, source: task.code, stdin: task.stdin, files }, input.signal);
  deps.observer?.sandboxFinished(language, result.status, (performance.now() - sandboxStarted) / 1000);
  const status: RunTaskStatus = input.signal.aborted ? 'cancelled' : result.status;

  // A re-run of the same run (after a crash) replaces what an earlier attempt stored.
  for (const old of await runs.deleteArtifacts(runId, entry.task_id)) await deps.blobs.delete(old.blob_key);
  let position = 0;
  const store = async (kind: ArtifactKind, name: string, contentType: string, bytes: Buffer) => {
    const id = randomUUID();
    const key = `uploads/${input.ownerId}/${task.assignment_id}/runs/${runId}/${id}`;
    await deps.blobs.putBuffer(key, bytes);
    await runs.addArtifact({
      id,
      owner_id: input.ownerId,
      run_id: runId,
      task_id: entry.task_id,
      kind,
      name,
      content_type: contentType,
      blob_key: key,
      bytes: bytes.length,
      position: position++,
      created_at: deps.clock().toISOString(),
    });
  };

  if (status !== 'cancelled') {
    if (entry.screenshot === 1) {
      const theme = entry.theme && isThemeName(entry.theme) ? entry.theme : undefined;
      const title = fileNameFor({ language, code: task.code });
      const renderStarted = performance.now();
      const pngs = await deps.render.render({
        language,
        code: task.code,
        title,
        transcript: result.segments,
        exitCode: result.exitCode,
        timeMs: result.timeMs,
        ...(theme ? { theme } : {}),
      });
      deps.observer?.renderFinished((performance.now() - renderStarted) / 1000);
      for (const [index, png] of pngs.entries()) await store('screenshot', `${title}-${index + 1}.png`, 'image/png', png);
    }
    for (const artifact of result.artifacts) {
      if (artifact.kind === 'image' && artifact.name.toLowerCase().endsWith('.png')) {
        await store('plot', artifact.name, 'image/png', artifact.content);
        continue;
      }
      await store('file', artifact.name, artifact.kind === 'text' ? 'text/plain; charset=utf-8' : 'application/octet-stream', artifact.content);
      // Small text files also get a card for the report (a long file would make a stack of pages nobody reads).
      if (artifact.kind === 'text' && entry.screenshot === 1 && artifact.bytes <= MAX_CARD_BYTES) {
        const cards = await deps.render.fileCards({ name: artifact.name, content: artifact.content.toString('utf8') });
        for (const [index, card] of cards.entries()) await store('file-card', `${artifact.name}-${index + 1}.png`, 'image/png', card);
      }
    }
  }

  await runs.updateTask(runId, entry.task_id, {
    status,
    exit_code: result.exitCode,
    time_ms: Math.round(result.timeMs),
    transcript: result.transcript.slice(0, MAX_TRANSCRIPT_CHARS),
    detail: status === 'cancelled' ? 'cancelled while running' : result.warnings.join('\n') || null,
    finished_at: deps.clock().toISOString(),
  });
  return status;
}
