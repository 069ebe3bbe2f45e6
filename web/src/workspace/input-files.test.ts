import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { taskSaveProblem } from './input-files';

describe('taskSaveProblem', () => {
  it('shows input file refusals only at their fields, with no notice above the form', () => {
    const failure = new ApiError('inputFiles.0.name: is the name the program itself gets (main.py)', 422, 'validation', [
      { field: 'inputFiles.0.name', message: 'is the name the program itself gets (main.py)' },
    ]);
    expect(taskSaveProblem(failure)).toEqual({ fileErrors: { '0.name': 'File name is the name the program itself gets (main.py).' }, notice: null });
  });

  it('keeps the notice when something else was refused too, or nothing names a field', () => {
    const mixed = new ApiError('kind: invalid; inputFiles.1.content: too long', 422, 'validation', [
      { field: 'kind', message: 'invalid' },
      { field: 'inputFiles.1.content', message: 'is too long' },
    ]);
    expect(taskSaveProblem(mixed)).toEqual({ fileErrors: { '1.content': 'Content is too long.' }, notice: 'kind: invalid; inputFiles.1.content: too long' });
    expect(taskSaveProblem(new ApiError('Task not found.', 404, 'not-found'))).toEqual({ fileErrors: {}, notice: 'Task not found.' });
  });
});
