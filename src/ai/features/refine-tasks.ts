import type { Task } from '../../analyze/task.js';
import { AppError } from '../../errors.js';
import type { DocumentModel } from '../../ingest/model.js';
import type { AiClient } from '../ai-client.js';
import { REFINE_TASKS_SYSTEM, buildRefineTasksUser, type DraftTaskSummary } from '../prompts/refine-tasks.js';
import { blockTexts } from './block-texts.js';
import { chunkBlocks, estimateTokens, renderChunk } from './chunk-blocks.js';
import { mergeCorrections, type CorrectionOutcome, type ProposedCorrection } from './merge-corrections.js';
import { taskCorrectionsSchema } from './task-corrections.js';
import { taskSpans } from './task-spans.js';

export interface RefineTasksInput {
  /** The document, or the text of each of its blocks (indexed like the anchors). */
  document: DocumentModel | string[];
  /** The heuristic tasks, as `parseDocument` returns them. */
  tasks: Task[];
  client: AiClient;
  userId: string | null;
  signal?: AbortSignal;
}

export interface RefineTasksResult {
  tasks: Task[];
  corrections: CorrectionOutcome[];
  warnings: string[];
  /** How many chunks the document was sent in (one model call each). */
  chunks: number;
}

/** Answer room per chunk: corrections are short, but a missed task carries its code. */
const ANSWER_TOKENS = 4000;
/** The user message's fixed framing around the chunk and the draft tasks. */
const FRAMING_TOKENS = 300;
const QUESTION_PREVIEW = 300;

/**
 * Sends the heuristic tasks with the whole document, chunk by chunk, to the model and applies the corrections it
 * proposes that hold up against the document. Nothing the heuristics found is lost: a proposed drop is only a
 * warning. A chunk whose answer is unusable is skipped with a warning; other AI failures (not configured, budget,
 * unavailable) propagate.
 */
export async function refineTasks(input: RefineTasksInput): Promise<RefineTasksResult> {
  const blocks = Array.isArray(input.document) ? input.document : blockTexts(input.document);
  if (blocks.length === 0) return { tasks: input.tasks, corrections: [], warnings: [], chunks: 0 };
  const spans = taskSpans(blocks, input.tasks);
  const summaries = input.tasks.map((task): DraftTaskSummary => {
    const span = spans.get(task.id)!;
    const question = task.question.length > QUESTION_PREVIEW ? `${task.question.slice(0, QUESTION_PREVIEW)}…` : task.question;
    return { id: task.id, label: task.label, kind: task.kind, language: task.language, startBlock: span.start, anchorBlock: span.end, question, hasCode: Boolean(task.code.trim()), hasInput: Boolean(task.stdin.trim()) };
  });
  const summaryTokens = summaries.map((s) => estimateTokens(JSON.stringify(s)) + 1);
  // A task travels with every chunk it touches; charging it at its first and last block covers the chunks holding
  // either, and room for two more covers a chunk that lies wholly inside long tasks.
  const extra = new Map<number, number>();
  summaries.forEach((s, k) => {
    for (const b of new Set([s.startBlock, s.anchorBlock])) extra.set(b, (extra.get(b) ?? 0) + summaryTokens[k]!);
  });
  const answerTokens = Math.min(ANSWER_TOKENS, Math.floor(input.client.contextTokens / 4));
  const slack = 2 * Math.max(0, ...summaryTokens);
  const maxTokens = input.client.contextTokens - answerTokens - estimateTokens(REFINE_TASKS_SYSTEM) - FRAMING_TOKENS - slack;
  if (maxTokens < 256) {
    return { tasks: input.tasks, corrections: [], warnings: [`The model's context (${input.client.contextTokens} tokens) is too small to check the tasks; the detected tasks are kept as they are.`], chunks: 0 };
  }
  const { chunks, warnings } = chunkBlocks(blocks, { maxTokens, overlap: 3, extraTokens: (b) => extra.get(b) ?? 0 });
  const proposed: ProposedCorrection[] = [];
  for (const [index, chunk] of chunks.entries()) {
    const draftTasks = summaries.filter((s) => s.anchorBlock >= chunk.firstBlock && s.startBlock <= chunk.lastBlock);
    const user = buildRefineTasksUser({ chunk: index, chunks: chunks.length, firstBlock: chunk.firstBlock, lastBlock: chunk.lastBlock, blockCount: blocks.length, documentText: renderChunk(chunk), draftTasks });
    try {
      const result = await input.client.complete({
        feature: 'detect',
        userId: input.userId,
        schemaName: 'task_corrections',
        schema: taskCorrectionsSchema,
        system: REFINE_TASKS_SYSTEM,
        user,
        maxOutputTokens: answerTokens,
        ...(input.signal ? { signal: input.signal } : {}),
      });
      for (const correction of result.value.corrections) proposed.push({ chunk: index, correction });
    } catch (error) {
      if (!(error instanceof AppError && error.type === 'ai-bad-output')) throw error;
      warnings.push(`The model's answer for blocks ${chunk.firstBlock}–${chunk.lastBlock} was unusable, so that part keeps the detected tasks unchanged (${error.message}).`);
    }
  }
  const merged = mergeCorrections(blocks, input.tasks, proposed);
  return { tasks: merged.tasks, corrections: merged.corrections, warnings: [...warnings, ...merged.warnings], chunks: chunks.length };
}
