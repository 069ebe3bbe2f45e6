import { z } from 'zod';

/** A model answer read against the schema: the value, or what is wrong with it (worded for the repair request). */
export type AnswerReading<T> = { ok: true; value: T; json: unknown } | { ok: false; problem: string };

const FENCE = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/;
const MAX_PROBLEM_CHARS = 2000;

/** The JSON object in a model's answer: the whole text, a ```json fence's contents, or the outermost `{…}`. */
export function extractJson(content: string): { ok: true; json: unknown } | { ok: false; problem: string } {
  if (!content.includes('{')) return { ok: false, problem: 'the answer contains no JSON object' };
  const candidates = [content.trim()];
  const fenced = FENCE.exec(content)?.[1];
  if (fenced !== undefined) candidates.push(fenced.trim());
  const first = content.indexOf('{');
  const last = content.lastIndexOf('}');
  if (first >= 0 && last > first) candidates.push(content.slice(first, last + 1));
  let problem = '';
  for (const candidate of candidates) {
    try {
      const json: unknown = JSON.parse(candidate);
      if (typeof json === 'object' && json !== null && !Array.isArray(json)) return { ok: true, json };
      problem = 'the answer is JSON but not an object';
    } catch (error) {
      problem = `the answer is not valid JSON (${(error as Error).message})`;
    }
  }
  return { ok: false, problem };
}

/** Reads a model's answer: extracts its JSON object and validates it with `schema`. */
export function readAnswer<T>(content: string, schema: z.ZodType<T>): AnswerReading<T> {
  const extracted = extractJson(content);
  if (!extracted.ok) return extracted;
  return validateJson(extracted.json, schema);
}

/** Validates already-parsed JSON (a cached answer, or an extracted one) with `schema`. */
export function validateJson<T>(json: unknown, schema: z.ZodType<T>): AnswerReading<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data, json };
  return { ok: false, problem: `the JSON does not match the schema:\n${z.prettifyError(parsed.error).slice(0, MAX_PROBLEM_CHARS)}` };
}
