import { describe, expect, it } from 'vitest';
import { captionFor, planReport, taskName, type ReportTask, type TaskInserts } from './report-plan.js';

const png = new Uint8Array([1]);

function task(id: string, label: string, kind: ReportTask['kind'] = 'code'): ReportTask {
  return { id, label, question: `question ${id}`, kind, code: '', anchor: { block: 0 } };
}

describe('taskName', () => {
  it('keeps the document own labels and names bare numbers', () => {
    expect(taskName('Program 3', 1)).toBe('Program 3');
    expect(taskName('Experiment 2:', 1)).toBe('Experiment 2');
    expect(taskName('Q1.', 1)).toBe('Q1');
    expect(taskName('3.', 1)).toBe('Question 3');
    expect(taskName('(b)', 1)).toBe('Question b');
    expect(taskName('', 4)).toBe('Task 4');
  });
});

describe('captionFor', () => {
  it('says output, answer or failed, never more', () => {
    expect(captionFor({ task: task('t1', 'Program 3'), images: [{ png }] }, 1)).toBe('Program 3 — output');
    expect(captionFor({ task: task('t1', '2.', 'theory'), images: [], answer: 'A list is mutable.' }, 1)).toBe('Question 2 — answer');
    expect(captionFor({ task: task('t1', 'Q4'), images: [{ png }], failure: 'compile error' }, 1)).toBe('Q4 — failed (compile error)');
  });
});

describe('planReport', () => {
  const a: TaskInserts = { task: task('a', 'Q1'), images: [{ png }] };
  const b: TaskInserts = { task: task('b', 'Q2'), images: [{ png }, { png }] };
  const failed: TaskInserts = { task: task('c', 'Q3'), images: [{ png }], failure: 'runtime error' };

  it('keeps the user order', () => {
    expect(planReport([b, a]).map((e) => e.task.id)).toEqual(['b', 'a']);
  });

  it('lets a re-run replace the earlier inserts of the same task instead of duplicating them', () => {
    const rerun: TaskInserts = { ...a, images: [{ png: new Uint8Array([2]) }] };
    const plan = planReport([a, b, rerun]);
    expect(plan.map((e) => e.task.id)).toEqual(['b', 'a']);
    expect(plan[1]!.images).toEqual(rerun.images);
  });

  it('leaves failed tasks out unless the user includes them, then says they failed', () => {
    expect(planReport([a, failed]).map((e) => e.task.id)).toEqual(['a']);
    expect(planReport([a, failed], { includeFailed: ['c'] }).map((e) => e.caption)).toEqual(['Q1 — output', 'Q3 — failed (runtime error)']);
    expect(planReport([failed], { includeFailed: true })).toHaveLength(1);
  });

  it('leaves out tasks with nothing to show and honours a caption the user wrote', () => {
    const empty: TaskInserts = { task: task('d', 'Q5', 'theory'), images: [], answer: '  ' };
    expect(planReport([empty, { ...a, caption: 'My caption' }]).map((e) => e.caption)).toEqual(['My caption']);
  });
});
