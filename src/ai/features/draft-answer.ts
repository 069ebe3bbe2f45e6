import { z } from 'zod';
import type { AiClient } from '../ai-client.js';
import { DRAFT_ANSWER_SYSTEM, buildDraftAnswerUser } from '../prompts/draft-answer.js';
import { plainText } from './plain-text.js';

const answerSchema = z.object({ answer: z.string().min(1).max(20_000) });

export interface DraftAnswerInput {
  task: { question: string; label?: string };
  /** Nearby text or the lab's subject, to pin the question down. */
  context?: string;
  client: AiClient;
  userId: string | null;
  signal?: AbortSignal;
}

export interface DraftAnswerResult {
  /** Plain text (paragraphs, "- " lists, `code`); never HTML. */
  answer: string;
  /** Always a draft for the student to check and rewrite. */
  draft: true;
  warnings: string[];
}

/** Drafts an answer to a theory task, as plain text marked as a draft. */
export async function draftAnswer(input: DraftAnswerInput): Promise<DraftAnswerResult> {
  const { value } = await input.client.complete({
    feature: 'draft_answer',
    userId: input.userId,
    schemaName: 'drafted_answer',
    schema: answerSchema,
    system: DRAFT_ANSWER_SYSTEM,
    user: buildDraftAnswerUser({ question: input.task.question, label: input.task.label ?? '', context: input.context ?? '' }),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const { text, removedTags } = plainText(value.answer);
  const warnings = removedTags ? [`${removedTags} HTML tag(s) in the model's answer were removed; the answer is plain text.`] : [];
  return { answer: text, draft: true, warnings };
}
