import { randomUUID } from 'node:crypto';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import type { TaskRow } from '../db/schema.js';
import { errors } from '../errors.js';
import type { AssignmentDeps } from './deps.js';
import { inputFileProblems } from './input-file-rules.js';
import { taskColumns, type TaskFields } from './task-changes.js';
import { inputFilesOf, NO_DRAFTS } from './task-rows.js';

/** Adds a task the student wrote to one of their assignments, at `position` (default: the end). */
export async function addTask(
  deps: AssignmentDeps,
  input: { ownerId: string; assignmentId: string; fields: Partial<TaskFields> & Pick<TaskFields, 'question'>; position?: number | undefined },
): Promise<TaskRow> {
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const repository = assignmentsRepository(trx);
    if (!(await repository.find(input.ownerId, input.assignmentId))) throw errors.notFound('assignment');
    const existing = await repository.tasks(input.assignmentId);
    const position = Math.min(input.position ?? existing.length, existing.length);
    await repository.shiftPositions(input.assignmentId, position);
    const task: TaskRow = {
      id: randomUUID(),
      assignment_id: input.assignmentId,
      position,
      label: '',
      question: '',
      kind: 'code',
      language: '',
      code: '',
      stdin: '',
      expected_output: '',
      input_files: '[]',
      wants_screenshot: 1,
      screenshot: 1,
      anchor_block: null,
      theme: null,
      origin: 'user',
      ...NO_DRAFTS,
      created_at: now,
      updated_at: now,
      ...taskColumns(input.fields),
    };
    const problems = inputFileProblems({ language: task.language, code: task.code, inputFiles: inputFilesOf(task) });
    if (problems.length > 0) throw errors.validation(problems);
    await repository.insertTask(task);
    await repository.touch(input.assignmentId, now);
    return task;
  });
}
