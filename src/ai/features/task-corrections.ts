import { z } from 'zod';
import { DOCUMENT_LANGUAGES } from '../../languages.js';

// Every field is required (null or '' for "none") and unions are plain `anyOf`, so the JSON schema works with
// providers' strict structured-output modes.
const taskId = z.string().min(1).max(40);
const block = z.number().int().min(0);
const kind = z.enum(['code', 'theory', 'other']);
const language = z.enum([...DOCUMENT_LANGUAGES, '']);
const reason = z.string().max(400);
const label = z.string().max(80);
const question = z.string().max(4000);
const code = z.string().max(60_000);
const stdin = z.string().max(4000);
/** A task the model points out: its text must be copied from the document, which the merge checks. */
const newTask = { label, question, kind, language, code, stdin };

/** One correction the model proposes to the heuristic draft, by task id or block index, never by free text alone. */
export const taskCorrectionSchema = z.union([
  z.object({ op: z.literal('relabel'), taskId, label, reason }),
  z.object({ op: z.literal('set_kind'), taskId, kind, reason }),
  z.object({ op: z.literal('set_language'), taskId, language, reason }),
  /** The task holds two questions; the second starts at `atBlock`, the first keeps the blocks before it. */
  z.object({ op: z.literal('split'), taskId, atBlock: block, ...newTask, reason }),
  z.object({ op: z.literal('merge'), taskIds: z.array(taskId).min(2).max(20), reason }),
  /** A question the detector missed, from its first block to its last. */
  z.object({ op: z.literal('add'), startBlock: block, anchorBlock: block, ...newTask, reason }),
  z.object({ op: z.literal('drop'), taskId, reason }),
]);

/** The model's whole answer for one chunk. */
export const taskCorrectionsSchema = z.object({ corrections: z.array(taskCorrectionSchema).max(200) });

export type TaskCorrection = z.infer<typeof taskCorrectionSchema>;
export type TaskCorrections = z.infer<typeof taskCorrectionsSchema>;
