import { languageOfCode, languageOfText } from '../../analyze/language.js';
import { SCREENSHOT } from '../../analyze/task-details.js';
import type { Language, Task } from '../../analyze/task.js';
import { DOCUMENT_LANGUAGES } from '../../languages.js';
import type { TaskCorrection } from './task-corrections.js';
import { occursIn, squash, taskSpans, unspaced, type TaskSpan } from './task-spans.js';

/** A correction the model proposed and what became of it. */
export interface CorrectionOutcome {
  correction: TaskCorrection;
  /** The chunks that proposed it (overlapping chunks often propose the same one). */
  chunks: number[];
  /** `flagged`: a drop of a detected task, kept and reported instead of applied. */
  status: 'applied' | 'rejected' | 'flagged';
  detail: string;
  /** Ids of the tasks this correction created (split, add). */
  createdTaskIds: string[];
}

/** A correction as one chunk proposed it. */
export interface ProposedCorrection {
  chunk: number;
  correction: TaskCorrection;
}

export interface MergeResult {
  tasks: Task[];
  corrections: CorrectionOutcome[];
  warnings: string[];
}

interface Working {
  task: Task;
  span: TaskSpan;
}

const ORDER: Record<TaskCorrection['op'], number> = { set_kind: 0, set_language: 1, relabel: 2, merge: 3, split: 4, add: 5, drop: 6 };

/**
 * Applies the model's corrections to the heuristic tasks after checking each against the document: blocks in range,
 * tasks that exist, known languages, and code, input and questions that occur in the document where the task is
 * (the model may not invent them). Identical proposals from overlapping chunks count once; a later proposal that
 * contradicts an earlier one is rejected; a drop never removes a detected task, it is flagged. The result is
 * ordered by anchor block.
 */
export function mergeCorrections(blocks: string[], heuristic: Task[], proposed: ProposedCorrection[]): MergeResult {
  const spans = taskSpans(blocks, heuristic);
  const work = new Map<string, Working>(heuristic.map((task) => [task.id, { task: { ...task }, span: spans.get(task.id)! }]));
  const alias = new Map<string, string>();
  const resolve = (id: string): string | undefined => {
    let current = id;
    while (alias.has(current)) current = alias.get(current)!;
    return work.has(current) ? current : undefined;
  };
  let nextNumber = Math.max(0, ...heuristic.map((t) => Number(/^t(\d+)$/.exec(t.id)?.[1] ?? 0))) + 1;
  const newId = (): string => `t${nextNumber++}`;
  const warnings: string[] = [];
  const decided = new Map<string, string>();
  const outcomes = collapse(proposed).sort((x, y) => ORDER[x.correction.op] - ORDER[y.correction.op]);
  const last = blocks.length - 1;

  // A task an earlier correction created, and that correction: a later near-identical proposal (another chunk's
  // wording of the same split or missed task) joins it instead of being reported as rejected.
  const createdBy = new Map<string, CorrectionOutcome>();
  /** '' when applied, why not, or the earlier correction this one repeats. */
  const apply = (outcome: CorrectionOutcome): string | CorrectionOutcome => {
    const c = outcome.correction;
    switch (c.op) {
      case 'set_kind':
      case 'set_language':
      case 'relabel': {
        const w = work.get(c.taskId);
        if (!w) return `there is no task ${c.taskId}`;
        const field = c.op === 'set_kind' ? 'kind' : c.op === 'set_language' ? 'language' : 'label';
        const value = c.op === 'set_kind' ? c.kind : c.op === 'set_language' ? c.language : c.label.trim();
        const earlier = decided.get(`${c.taskId}.${field}`);
        if (earlier !== undefined && earlier !== value) return `another chunk already set its ${field} to "${earlier}"`;
        if (c.op === 'set_kind') {
          w.task.kind = c.kind;
          w.task.language = c.kind === 'code' ? w.task.language || inferLanguage(w.task.code, w.task.question) : '';
        } else if (c.op === 'set_language') {
          if (!isLanguage(c.language)) return `"${c.language}" is not a known language`;
          if (w.task.kind !== 'code' && c.language) return `${c.taskId} is not a code task, so it has no language`;
          w.task.language = c.language;
        } else {
          if (!c.label.trim()) return 'the new label is empty';
          w.task.label = c.label.trim();
        }
        decided.set(`${c.taskId}.${field}`, value);
        return '';
      }
      case 'merge': {
        const ids = [...new Set(c.taskIds.map(resolve))];
        if (ids.some((id) => id === undefined)) return `not every task of ${c.taskIds.join(', ')} exists`;
        if (ids.length < 2) return 'those tasks are already one';
        const order = ordered(work);
        const positions = (ids as string[]).map((id) => order.indexOf(id)).sort((x, y) => x - y);
        if (positions.some((p, k) => k > 0 && p !== positions[k - 1]! + 1)) return 'only neighbouring tasks can be merged';
        const members = positions.map((p) => work.get(order[p]!)!);
        const first = members[0]!;
        first.task = mergeTasks(members.map((m) => m.task));
        first.span = { start: Math.min(...members.map((m) => m.span.start)), end: Math.max(...members.map((m) => m.span.end)) };
        for (const m of members.slice(1)) {
          work.delete(m.task.id);
          alias.set(m.task.id, first.task.id);
        }
        return '';
      }
      case 'split': {
        const id = resolve(c.taskId);
        const w = id ? work.get(id) : undefined;
        if (!w) return `there is no task ${c.taskId}`;
        const earlier = [...createdBy.values()].find((o) => o.correction.op === 'split' && o.correction.taskId === c.taskId && o.correction.atBlock === c.atBlock);
        if (earlier) return earlier;
        const { start, end } = w.span;
        if (c.atBlock <= start || c.atBlock > end) return `block ${c.atBlock} is not inside ${c.taskId} after its first block (${start}–${end})`;
        const problem = checkNewTask(blocks, c.atBlock, end, c);
        if (problem) return problem;
        const original = w.task;
        const inFirst = (text: string, normalise: (s: string) => string): boolean => occursIn(blocks, start, c.atBlock - 1, text, normalise);
        const inSecond = (text: string, normalise: (s: string) => string): boolean => occursIn(blocks, c.atBlock, end, text, normalise);
        const moves = (text: string, normalise: (s: string) => string): boolean => Boolean(text.trim()) && !inFirst(text, normalise) && inSecond(text, normalise);
        // What the detector took from the second question's blocks moves there whole; the model's copy of it may be
        // partial, so it only fills a field the detector left empty.
        const codeMoves = moves(original.code, unspaced);
        const outputMoves = moves(original.expectedOutput, unspaced);
        const second = newTask(blocks, newId(), c, c.atBlock, end);
        if (codeMoves) second.code = original.code;
        if (outputMoves) {
          second.expectedOutput = original.expectedOutput;
          second.stdin = original.stdin || second.stdin;
        }
        second.inputFiles = original.inputFiles.filter((f) => moves(f.content, unspaced));
        if (second.kind === 'code' && !second.language) second.language = inferLanguage(second.code, second.question);
        const firstTask: Task = {
          ...original,
          code: codeMoves ? '' : original.code,
          expectedOutput: outputMoves ? '' : original.expectedOutput,
          stdin: outputMoves ? '' : original.stdin,
          inputFiles: original.inputFiles.filter((f) => !second.inputFiles.includes(f)),
          wantsScreenshot: SCREENSHOT.test(blocks.slice(start, c.atBlock).join('\n')),
          anchor: { block: lastNonBlank(blocks, start, c.atBlock - 1) },
        };
        w.task = firstTask;
        w.span = { start, end: c.atBlock - 1 };
        work.set(second.id, { task: second, span: { start: c.atBlock, end } });
        outcome.createdTaskIds.push(second.id);
        createdBy.set(second.id, outcome);
        return '';
      }
      case 'add': {
        if (c.startBlock > c.anchorBlock || c.anchorBlock > last) return `blocks ${c.startBlock}–${c.anchorBlock} are not a range of this document (0–${last})`;
        const problem = checkNewTask(blocks, c.startBlock, c.anchorBlock, c);
        if (problem) return problem;
        const key = squash(c.question).slice(0, 60);
        const twin = [...work.values()].find((w) => {
          const other = squash(w.task.question).slice(0, 60);
          const sameText = other === key || (other.length >= 12 && key.length >= 12 && (other.startsWith(key) || key.startsWith(other)));
          return sameText || (w.span.start === c.startBlock && w.span.end === c.anchorBlock);
        });
        const twinOrigin = twin && createdBy.get(twin.task.id);
        if (twinOrigin) return twinOrigin;
        if (twin) return `it repeats task ${twin.task.id}`;
        const task = newTask(blocks, newId(), c, c.startBlock, c.anchorBlock);
        work.set(task.id, { task, span: { start: c.startBlock, end: c.anchorBlock } });
        outcome.createdTaskIds.push(task.id);
        createdBy.set(task.id, outcome);
        return '';
      }
      case 'drop': {
        const id = resolve(c.taskId);
        if (!id) return `there is no task ${c.taskId}`;
        const task = work.get(id)!.task;
        warnings.push(`The model suggested task ${describe(task)} is not a task (${c.reason.trim() || 'no reason given'}); it was kept, delete it yourself if the model is right.`);
        return '';
      }
    }
  };

  const kept: CorrectionOutcome[] = [];
  for (const outcome of outcomes) {
    const problem = apply(outcome);
    if (typeof problem !== 'string') {
      for (const chunk of outcome.chunks) if (!problem.chunks.includes(chunk)) problem.chunks.push(chunk);
      continue;
    }
    kept.push(outcome);
    if (problem) {
      outcome.status = 'rejected';
      outcome.detail = problem;
      warnings.push(`A correction from the model was not applied (${outcome.correction.op}): ${problem}.`);
    } else {
      outcome.status = outcome.correction.op === 'drop' ? 'flagged' : 'applied';
      outcome.detail = outcome.correction.op === 'drop' ? 'kept: a detected task is never removed without the user' : outcome.correction.reason;
    }
  }
  const tasks = ordered(work).map((id) => work.get(id)!.task);
  return { tasks, corrections: kept, warnings };
}

/** Identical proposals (ignoring the stated reason) count once, remembering every chunk that made them. */
function collapse(proposed: ProposedCorrection[]): CorrectionOutcome[] {
  const byKey = new Map<string, CorrectionOutcome>();
  for (const { chunk, correction } of proposed) {
    const { reason: _reason, ...rest } = correction;
    const key = JSON.stringify(rest, (_k, v: unknown) => (typeof v === 'string' ? v.trim() : v));
    const seen = byKey.get(key);
    if (seen) {
      if (!seen.chunks.includes(chunk)) seen.chunks.push(chunk);
    } else {
      byKey.set(key, { correction, chunks: [chunk], status: 'rejected', detail: '', createdTaskIds: [] });
    }
  }
  return [...byKey.values()];
}

/** Task ids in document order: by anchor, then by first block, then by id number. */
function ordered(work: Map<string, Working>): string[] {
  const number = (id: string): number => Number(/\d+/.exec(id)?.[0] ?? 0);
  return [...work.values()]
    .sort((x, y) => x.task.anchor.block - y.task.anchor.block || x.span.start - y.span.start || number(x.task.id) - number(y.task.id))
    .map((w) => w.task.id);
}

type NewTaskFields = Pick<Extract<TaskCorrection, { op: 'add' }>, 'label' | 'question' | 'kind' | 'language' | 'code' | 'stdin'>;

/** Why a task the model describes cannot be taken from blocks `from`..`to`, or '' when it can. */
function checkNewTask(blocks: string[], from: number, to: number, fields: NewTaskFields): string {
  if (!squash(fields.question)) return 'the new task has no question';
  if (!isLanguage(fields.language)) return `"${fields.language}" is not a known language`;
  if (!occursIn(blocks, from, to, fields.question, squash)) return `its question is not in blocks ${from}–${to} of the document`;
  if (!occursIn(blocks, from, to, fields.code, unspaced)) return `its code is not in blocks ${from}–${to} of the document (the model may not write code into a detected task)`;
  if (!occursIn(blocks, from, to, fields.stdin, squash)) return `its input is not in blocks ${from}–${to} of the document`;
  return '';
}

function newTask(blocks: string[], id: string, fields: NewTaskFields, from: number, to: number): Task {
  const code = fields.kind === 'code' ? fields.code.replace(/\s+$/, '') : '';
  return {
    id,
    label: fields.label.trim(),
    question: fields.question.replace(/\s+/g, ' ').trim(),
    kind: fields.kind,
    language: fields.kind === 'code' ? fields.language || inferLanguage(code, fields.question) : '',
    code,
    stdin: fields.stdin && !fields.stdin.endsWith('\n') ? `${fields.stdin}\n` : fields.stdin,
    expectedOutput: '',
    inputFiles: [],
    wantsScreenshot: SCREENSHOT.test(blocks.slice(from, to + 1).join('\n')),
    anchor: { block: lastNonBlank(blocks, from, to) },
  };
}

/** One task from neighbours: the first's id and label, every question, piece of code and input in order. */
function mergeTasks(tasks: Task[]): Task {
  const first = tasks[0]!;
  const join = (field: 'question' | 'code' | 'expectedOutput', glue: string): string =>
    tasks.map((t) => t[field]).filter((v) => v.trim()).join(glue);
  const files = new Map<string, Task['inputFiles'][number]>();
  for (const t of tasks) for (const f of t.inputFiles) if (!files.has(f.name)) files.set(f.name, f);
  const coded = tasks.find((t) => t.kind === 'code');
  return {
    ...first,
    label: first.label || tasks.find((t) => t.label)?.label || '',
    question: join('question', ' '),
    kind: coded ? 'code' : first.kind,
    language: coded ? tasks.find((t) => t.kind === 'code' && t.language)?.language ?? '' : '',
    code: join('code', '\n\n'),
    stdin: tasks.map((t) => t.stdin).join(''),
    expectedOutput: join('expectedOutput', '\n'),
    inputFiles: [...files.values()],
    wantsScreenshot: tasks.some((t) => t.wantsScreenshot),
    anchor: { block: Math.max(...tasks.map((t) => t.anchor.block)) },
  };
}

/** The last block in `from`..`to` with text, so a result is inserted after the question, not after blank lines. */
function lastNonBlank(blocks: string[], from: number, to: number): number {
  for (let b = to; b > from; b--) if (blocks[b]?.trim()) return b;
  return from;
}

function inferLanguage(code: string, question: string): Language {
  return languageOfCode(code) || languageOfText(question);
}

function isLanguage(value: string): value is Language {
  return value === '' || (DOCUMENT_LANGUAGES as readonly string[]).includes(value);
}

function describe(task: Task): string {
  return task.label ? `${task.id} ("${task.label}")` : task.id;
}
