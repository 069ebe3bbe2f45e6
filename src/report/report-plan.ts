import type { Task } from '../analyze/task.js';

/** The parts of a task the report needs. */
export type ReportTask = Pick<Task, 'id' | 'label' | 'question' | 'kind' | 'code' | 'anchor'>;

/** One picture to insert: a screenshot, plot or file card. Its size is read from the PNG itself. */
export interface ReportImage {
  png: Uint8Array;
  /** Alt text; defaults to the caption. */
  alt?: string;
}

/** Everything to insert for one task, as the user arranged it. */
export interface TaskInserts {
  task: ReportTask;
  /** Screenshots, plots and file cards, in the order the user wants them. */
  images: ReportImage[];
  /** Accepted answer text for a theory task. */
  answer?: string;
  /** Why the run failed ("compile error"); absent when it ran fine or nothing ran. */
  failure?: string;
  /** Overrides the caption `captionFor` would write. */
  caption?: string;
}

/** Where inserts go: below each question, or all in one section at the end. */
export type Placement = 'below' | 'end';

export interface ReportOptions {
  placement?: Placement;
  /** Failed tasks to include anyway (true: all of them); by default failed tasks are left out. */
  includeFailed?: boolean | readonly string[];
}

/** One task's inserts after the user's choices were applied. */
export interface PlannedInserts {
  task: ReportTask;
  caption: string;
  images: ReportImage[];
  answer: string;
}

const BARE_NUMBER = /^(\d{1,3}|[a-z]|[ivxlc]{1,6})$/i;

/** The task's name as the document prints it: "Program 3", "Q1", "Experiment 2"; a bare "3." becomes "Question 3". */
export function taskName(label: string, position: number): string {
  const name = label.trim().replace(/[.):\s]+$/, '').replace(/^\(/, '');
  if (name === '') return `Task ${position}`;
  return BARE_NUMBER.test(name) ? `Question ${name}` : name;
}

/** An honest caption: what the pictures show, and that the run failed when it did. */
export function captionFor(inserts: TaskInserts, position: number): string {
  const name = taskName(inserts.task.label, position);
  if (inserts.failure) return `${name} — failed (${inserts.failure})`;
  if (inserts.images.length === 0 && inserts.answer) return `${name} — answer`;
  return `${name} — output`;
}

function includes(option: ReportOptions['includeFailed'], taskId: string): boolean {
  return option === true || (Array.isArray(option) && option.includes(taskId));
}

/**
 * Applies the user's choices: their order; a task given twice keeps only its last inserts (a re-run replaces,
 * never duplicates); failed tasks only when included; tasks with nothing to show are left out.
 */
export function planReport(entries: readonly TaskInserts[], options: ReportOptions = {}): PlannedInserts[] {
  const latest = new Map<string, TaskInserts>();
  for (const entry of entries) {
    latest.delete(entry.task.id);
    latest.set(entry.task.id, entry);
  }
  const planned: PlannedInserts[] = [];
  for (const entry of latest.values()) {
    if (entry.failure && !includes(options.includeFailed, entry.task.id)) continue;
    const answer = entry.answer?.trim() ?? '';
    if (entry.images.length === 0 && answer === '') continue;
    planned.push({ task: entry.task, caption: entry.caption ?? captionFor(entry, planned.length + 1), images: entry.images, answer });
  }
  return planned;
}
