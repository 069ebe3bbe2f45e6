import { HONESTY_RULE, UNTRUSTED_DATA_RULE, fenceUntrusted } from './untrusted.js';

/** A heuristic task as the model sees it: enough to point at, the document holds the rest. */
export interface DraftTaskSummary {
  id: string;
  label: string;
  kind: string;
  language: string;
  startBlock: number;
  anchorBlock: number;
  question: string;
  hasCode: boolean;
  hasInput: boolean;
}

/** Instructions for checking the detector's tasks against one chunk of the document. */
export const REFINE_TASKS_SYSTEM = [
  'You check the questions (tasks) that a rule-based detector found in a lab assignment and propose corrections.',
  'The document is given as numbered blocks: "⟦b17⟧ text" is block 17 (a paragraph, a table or a picture); a very long block may come in parts ("⟦b17 part 2/3⟧"). You see one chunk of the document at a time; tasks may continue before or after it.',
  'A task is one question the student must answer: "code" when it asks for a program, "theory" when it asks for a written answer, "other" for anything else (set-up steps, diagrams). A code task has a language: python, c, cpp, java, javascript or html. Headings, objectives, theory notes, viva and reference sections are not tasks. Sub-parts a), b), c) of one question are separate tasks only when each asks for its own program or answer.',
  'Each draft task has an id, its first block (startBlock) and its last block (anchorBlock). Answer with a list of corrections, only where the draft is wrong:',
  '- relabel {taskId, label}: the printed number is wrong ("Q3", "2.", "a)", "Experiment 4").',
  '- set_kind {taskId, kind} and set_language {taskId, language}: the kind or language is wrong.',
  '- split {taskId, atBlock, label, question, kind, language, code, stdin}: the task holds two questions; the second starts at block atBlock (inside the task, after its first block); give the second question exactly as printed.',
  '- merge {taskIds}: neighbouring tasks are really one question.',
  '- add {startBlock, anchorBlock, label, question, kind, language, code, stdin}: a question the detector missed, from its first block to its last.',
  '- drop {taskId}: the draft task is not a question at all (say why in reason).',
  'Every correction has a short reason. Copy question, code and stdin text exactly from the document (use "" when the document shows none); never write code or input yourself. Use block numbers and task ids exactly as given. If the draft is right, answer with no corrections.',
  UNTRUSTED_DATA_RULE,
  HONESTY_RULE,
].join('\n');

export interface RefineTasksPromptInput {
  chunk: number;
  chunks: number;
  firstBlock: number;
  lastBlock: number;
  blockCount: number;
  /** The chunk's blocks as rendered by `renderChunk`. */
  documentText: string;
  draftTasks: DraftTaskSummary[];
}

/** The user message: where the chunk sits, the draft tasks and the chunk's blocks, both as delimited data. */
export function buildRefineTasksUser(input: RefineTasksPromptInput): string {
  const tasks = input.draftTasks.map((t) => JSON.stringify(t)).join('\n') || '(no draft tasks in this part)';
  return [
    `Part ${input.chunk + 1} of ${input.chunks}: blocks ${input.firstBlock} to ${input.lastBlock} of a document with blocks 0 to ${input.blockCount - 1}.`,
    'Draft tasks that touch this part (one JSON object a line):',
    fenceUntrusted('draft tasks', tasks),
    'The document blocks of this part:',
    fenceUntrusted('document', input.documentText),
    'Answer with the corrections for this part.',
  ].join('\n');
}
