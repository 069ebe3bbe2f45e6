import { describe, expect, it } from 'vitest';
import type { Task } from '../../analyze/task.js';
import { mergeCorrections, type ProposedCorrection } from './merge-corrections.js';
import type { TaskCorrection } from './task-corrections.js';

const blocks = [
  'Lab 3: Python basics',
  '1. Write a program to print the factorial of a number.',
  'n = int(input("Enter n: "))\nf = 1\nfor i in range(1, n + 1):\n    f *= i\nprint(f)',
  'Output:',
  'Enter n: 5\n120',
  '2. What is a list?',
  '3. Write a program to reverse a string.',
  's = input()\nprint(s[::-1])',
  '4. Explain mutability.',
  '5) Write a C program to add two numbers.',
  '#include <stdio.h>\nint main(void) { int a, b; scanf("%d %d", &a, &b); printf("%d\\n", a + b); return 0; }',
  'Attach a screenshot of the output.',
  'Viva questions',
  '6. Write a program to print hello world',
  "print('hello world')",
];

function task(fields: Partial<Task> & Pick<Task, 'id' | 'question' | 'anchor'>): Task {
  return { label: '', kind: 'code', language: 'python', code: '', stdin: '', expectedOutput: '', inputFiles: [], wantsScreenshot: false, ...fields };
}

const heuristic: Task[] = [
  task({ id: 't1', label: '1.', question: 'Write a program to print the factorial of a number.', code: blocks[2]!, stdin: '5\n', expectedOutput: 'Enter n: 5\n120', anchor: { block: 4 } }),
  // The detector swallowed question 3 into question 2 and took it for a code task.
  task({ id: 't2', label: '2.', question: 'What is a list?', code: 's = input()\nprint(s[::-1])', anchor: { block: 7 } }),
  task({ id: 't3', label: '4.', question: 'Explain mutability.', kind: 'theory', language: '', anchor: { block: 8 } }),
  task({ id: 't4', label: '5', question: 'Write a C program to add two numbers.', code: blocks[10]!, wantsScreenshot: true, anchor: { block: 11 } }),
  task({ id: 't5', question: 'Viva questions', kind: 'theory', language: '', anchor: { block: 12 } }),
];

const reason = 'because';
const at = (chunk: number, ...corrections: TaskCorrection[]): ProposedCorrection[] => corrections.map((correction) => ({ chunk, correction }));
const add: TaskCorrection = { op: 'add', startBlock: 13, anchorBlock: 14, label: '6.', question: 'Write a program to print hello world', kind: 'code', language: 'python', code: "print('hello world')", stdin: '', reason };

describe('mergeCorrections', () => {
  const result = mergeCorrections(blocks, heuristic, [
    ...at(0, { op: 'split', taskId: 't2', atBlock: 6, label: '3.', question: 'Write a program to reverse a string.', kind: 'code', language: 'python', code: '', stdin: '', reason }),
    ...at(0, { op: 'set_kind', taskId: 't2', kind: 'theory', reason }),
    ...at(1, { op: 'relabel', taskId: 't4', label: '5)', reason }, { op: 'set_language', taskId: 't4', language: 'c', reason }),
    ...at(1, { op: 'drop', taskId: 't5', reason: 'a section heading' }, add),
    // The next chunk overlaps the last one and proposes the same things again.
    ...at(2, { op: 'set_language', taskId: 't4', language: 'c', reason: 'said again' }, { ...add, reason: 'seen again' }),
  ]);
  const byId = new Map(result.tasks.map((t) => [t.id, t]));

  it('splits a task at a block, moving the code found after the split to the new task', () => {
    expect(byId.get('t2')).toMatchObject({ question: 'What is a list?', kind: 'theory', language: '', code: '', anchor: { block: 5 } });
    const created = result.corrections.find((c) => c.correction.op === 'split')!.createdTaskIds;
    expect(created).toEqual(['t6']);
    expect(byId.get('t6')).toMatchObject({ label: '3.', question: 'Write a program to reverse a string.', kind: 'code', language: 'python', code: 's = input()\nprint(s[::-1])', anchor: { block: 7 } });
  });

  it('moves the detected code whole to the second part even when the model copied only a line of it', () => {
    const partial = mergeCorrections(blocks, heuristic, at(0, { op: 'split', taskId: 't2', atBlock: 6, label: '3.', question: 'Write a program to reverse a string.', kind: 'code', language: 'python', code: 'print(s[::-1])', stdin: '', reason }));
    expect(partial.tasks.find((t) => t.id === 't6')!.code).toBe('s = input()\nprint(s[::-1])');
    expect(partial.tasks.find((t) => t.id === 't2')!.code).toBe('');
  });

  it('applies relabels, kinds and languages', () => {
    expect(byId.get('t4')).toMatchObject({ label: '5)', language: 'c', code: blocks[10], wantsScreenshot: true });
  });

  it('adds a missed task whose question and code are in the document, once although two chunks saw it', () => {
    const added = result.tasks.filter((t) => t.question === 'Write a program to print hello world');
    expect(added).toEqual([{ id: 't7', label: '6.', question: 'Write a program to print hello world', kind: 'code', language: 'python', code: "print('hello world')", stdin: '', expectedOutput: '', inputFiles: [], wantsScreenshot: false, anchor: { block: 14 } }]);
    const outcome = result.corrections.find((c) => c.correction.op === 'add')!;
    expect(outcome).toMatchObject({ status: 'applied', chunks: [1, 2] });
    expect(result.corrections.filter((c) => c.correction.op === 'set_language')).toHaveLength(1);
  });

  it('keeps a task the model wants dropped and says so', () => {
    expect(byId.get('t5')).toEqual(heuristic[4]);
    expect(result.corrections.find((c) => c.correction.op === 'drop')).toMatchObject({ status: 'flagged' });
    expect(result.warnings).toContain('The model suggested task t5 is not a task (a section heading); it was kept, delete it yourself if the model is right.');
  });

  it('orders the result by anchor block, every anchor inside the document', () => {
    expect(result.tasks.map((t) => t.id)).toEqual(['t1', 't2', 't6', 't3', 't4', 't5', 't7']);
    const anchors = result.tasks.map((t) => t.anchor.block);
    expect(anchors).toEqual([...anchors].sort((x, y) => x - y));
    expect(anchors.every((b) => b >= 0 && b < blocks.length)).toBe(true);
  });

  it('merges neighbouring tasks into the first, joining their questions and code', () => {
    const merged = mergeCorrections(blocks, heuristic, at(0, { op: 'merge', taskIds: ['t3', 't4'], reason }));
    expect(merged.tasks.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't5']);
    expect(merged.tasks[2]).toMatchObject({ id: 't3', label: '4.', question: 'Explain mutability. Write a C program to add two numbers.', kind: 'code', language: 'python', code: blocks[10], wantsScreenshot: true, anchor: { block: 11 } });
  });

  it('follows a merge proposed twice with overlapping task lists', () => {
    const merged = mergeCorrections(blocks, heuristic, [...at(0, { op: 'merge', taskIds: ['t3', 't4'], reason }), ...at(1, { op: 'merge', taskIds: ['t3', 't4', 't5'], reason })]);
    expect(merged.tasks.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(merged.tasks[2]!.anchor.block).toBe(12);
  });

  it('rejects corrections that do not hold up against the document, changing nothing', () => {
    const rejected = mergeCorrections(blocks, heuristic, at(0,
      { op: 'add', startBlock: 13, anchorBlock: 14, label: '6.', question: 'Write a program to print hello world', kind: 'code', language: 'python', code: 'print("Hello from the model")', stdin: '', reason },
      { op: 'add', startBlock: 3, anchorBlock: 99, label: '', question: 'Anything', kind: 'theory', language: '', code: '', stdin: '', reason },
      { op: 'add', startBlock: 0, anchorBlock: 0, label: '', question: 'Describe the French revolution', kind: 'theory', language: '', code: '', stdin: '', reason },
      { op: 'add', startBlock: 1, anchorBlock: 4, label: '1.', question: 'Write a program to print the factorial of a number.', kind: 'code', language: 'python', code: '', stdin: '', reason },
      { op: 'split', taskId: 't1', atBlock: 9, label: '', question: 'Write a C program to add two numbers.', kind: 'code', language: 'c', code: '', stdin: '', reason },
      { op: 'merge', taskIds: ['t1', 't3'], reason },
      { op: 'relabel', taskId: 't42', label: 'Q42', reason },
      { op: 'set_language', taskId: 't3', language: 'java', reason },
      { op: 'set_language', taskId: 't1', language: 'rust', reason } as unknown as TaskCorrection,
    ));
    expect(rejected.tasks).toEqual(heuristic);
    expect(rejected.corrections.map((c) => [c.correction.op, c.status, c.detail])).toEqual([
      ['set_language', 'rejected', 't3 is not a code task, so it has no language'],
      ['set_language', 'rejected', '"rust" is not a known language'],
      ['relabel', 'rejected', 'there is no task t42'],
      ['merge', 'rejected', 'only neighbouring tasks can be merged'],
      ['split', 'rejected', 'block 9 is not inside t1 after its first block (1–4)'],
      ['add', 'rejected', 'its code is not in blocks 13–14 of the document (the model may not write code into a detected task)'],
      ['add', 'rejected', 'blocks 3–99 are not a range of this document (0–14)'],
      ['add', 'rejected', 'its question is not in blocks 0–0 of the document'],
      ['add', 'rejected', 'it repeats task t1'],
    ]);
    expect(rejected.warnings).toHaveLength(9);
  });

  it('counts another chunk\'s wording of the same split or missed task as the same correction', () => {
    const split: TaskCorrection = { op: 'split', taskId: 't2', atBlock: 6, label: '3.', question: 'Write a program to reverse a string.', kind: 'code', language: 'python', code: '', stdin: '', reason };
    const merged = mergeCorrections(blocks, heuristic, [
      ...at(0, split, add),
      ...at(1, { ...split, label: '3', question: 'Write a program to reverse a string' }, { ...add, label: '6', question: 'write a program to print hello world.' }),
    ]);
    expect(merged.tasks.map((t) => t.id)).toEqual(['t1', 't2', 't6', 't3', 't4', 't5', 't7']);
    expect(merged.corrections.map((c) => [c.correction.op, c.status, c.chunks])).toEqual([
      ['split', 'applied', [0, 1]],
      ['add', 'applied', [0, 1]],
    ]);
    expect(merged.warnings).toEqual([]);
  });

  it('lets the first of two contradicting chunks win', () => {
    const contradicted = mergeCorrections(blocks, heuristic, [...at(0, { op: 'set_kind', taskId: 't3', kind: 'other', reason }), ...at(1, { op: 'set_kind', taskId: 't3', kind: 'code', reason })]);
    expect(contradicted.tasks[2]!.kind).toBe('other');
    expect(contradicted.corrections[1]).toMatchObject({ status: 'rejected', detail: 'another chunk already set its kind to "other"' });
  });
});
