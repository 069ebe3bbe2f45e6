import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../db/schema.js';
import { changesDetection, draftColumns } from './task-changes.js';

const stored: TaskRow = {
  id: 't',
  assignment_id: 'a',
  position: 0,
  label: 'Q1',
  question: 'Write a program',
  kind: 'code',
  language: 'python',
  code: 'print(1)',
  stdin: '5\n',
  expected_output: '',
  input_files: '[]',
  wants_screenshot: 1,
  screenshot: 1,
  anchor_block: 3,
  theme: null,
  origin: 'parsed',
  code_draft: 1,
  stdin_draft: 1,
  answer: 'A draft answer',
  answer_status: 'draft',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('draft marks on an edit', () => {
  it('keeps the marks when the edit leaves the drafted fields as they are', () => {
    expect(draftColumns(stored, { code: 'print(1)', stdin: '5\n', label: 'Q2' }, [])).toEqual({});
  });

  it('makes drafted code the student’s once they change it', () => {
    expect(draftColumns(stored, { code: 'print(2)' }, [])).toEqual({ code_draft: 0 });
  });

  it('accepts drafts the student names without changing them', () => {
    expect(draftColumns(stored, {}, ['code', 'stdin', 'answer'])).toEqual({ code_draft: 0, stdin_draft: 0, answer_status: 'accepted' });
  });

  it('accepts an edited answer and clears the status of an emptied one', () => {
    expect(draftColumns(stored, { answer: 'My own words' }, [])).toEqual({ answer_status: 'accepted' });
    expect(draftColumns(stored, { answer: '  ' }, [])).toEqual({ answer_status: 'none' });
  });

  it('does not accept an answer that was never drafted', () => {
    expect(draftColumns({ ...stored, answer: '', answer_status: 'none' }, {}, ['answer'])).toEqual({});
  });
});

describe('changesDetection', () => {
  it('counts edits to what detection decides, and moves', () => {
    expect(changesDetection({ code: 'print(2)' }, false)).toBe(true);
    expect(changesDetection({ question: 'Q', screenshot: false }, false)).toBe(true);
    expect(changesDetection({}, true)).toBe(true);
  });

  it('leaves out the screenshot switch, the theme and the answer, which the AI refinement never decides', () => {
    expect(changesDetection({ screenshot: false }, false)).toBe(false);
    expect(changesDetection({ theme: 'idle', answer: 'A loop repeats.' }, false)).toBe(false);
    expect(changesDetection({}, false)).toBe(false);
  });
});
