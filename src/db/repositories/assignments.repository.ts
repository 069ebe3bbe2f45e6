import type { AiRefineStatus, AssignmentRow, TaskRow } from '../schema.js';
import { olderThan } from './newest-first.js';
import type { Db } from './types.js';

/** One page of a user's assignments, newest first, each with its task count. */
export interface AssignmentPage {
  items: Array<AssignmentRow & { task_count: number }>;
  /** Where the next page starts; undefined on the last page. */
  next: { createdAt: string; id: string } | undefined;
}

/** Assignments and their tasks; every read and write is scoped to the owner, so another user's rows do not exist. */
export function assignmentsRepository(db: Db) {
  return {
    async create(assignment: AssignmentRow, tasks: TaskRow[]): Promise<void> {
      await db.insertInto('assignments').values(assignment).execute();
      if (tasks.length > 0) await db.insertInto('tasks').values(tasks).execute();
    },
    find(ownerId: string, id: string): Promise<AssignmentRow | undefined> {
      return db.selectFrom('assignments').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
    },
    async page(ownerId: string, limit: number, after?: { createdAt: string; id: string }): Promise<AssignmentPage> {
      let query = db
        .selectFrom('assignments')
        .selectAll('assignments')
        .select((eb) =>
          eb
            .selectFrom('tasks')
            .select((inner) => inner.fn.countAll<number>().as('n'))
            .whereRef('tasks.assignment_id', '=', 'assignments.id')
            .as('task_count'),
        )
        .where('owner_id', '=', ownerId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (after) query = query.where(olderThan('assignments.created_at', 'assignments.id', after));
      const rows = await query.execute();
      const items = rows.slice(0, limit).map((row) => ({ ...row, task_count: Number(row.task_count ?? 0) }));
      const last = items[items.length - 1];
      return { items, next: rows.length > limit && last ? { createdAt: last.created_at, id: last.id } : undefined };
    },
    /** Deletes the assignment (its tasks go with it); false when it is not the owner's. */
    async delete(ownerId: string, id: string): Promise<boolean> {
      const result = await db.deleteFrom('assignments').where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    tasks(assignmentId: string): Promise<TaskRow[]> {
      return db.selectFrom('tasks').selectAll().where('assignment_id', '=', assignmentId).orderBy('position').orderBy('created_at').execute();
    },
    findTask(ownerId: string, assignmentId: string, taskId: string): Promise<TaskRow | undefined> {
      return db
        .selectFrom('tasks')
        .innerJoin('assignments', 'assignments.id', 'tasks.assignment_id')
        .selectAll('tasks')
        .where('tasks.id', '=', taskId)
        .where('tasks.assignment_id', '=', assignmentId)
        .where('assignments.owner_id', '=', ownerId)
        .executeTakeFirst();
    },
    async updateTask(taskId: string, changes: Partial<Omit<TaskRow, 'id' | 'assignment_id' | 'created_at' | 'origin'>>): Promise<void> {
      await db.updateTable('tasks').set(changes).where('id', '=', taskId).execute();
    },
    async insertTask(task: TaskRow): Promise<void> {
      await db.insertInto('tasks').values(task).execute();
    },
    async deleteTask(taskId: string): Promise<void> {
      await db.deleteFrom('tasks').where('id', '=', taskId).execute();
    },
    async deleteTasks(assignmentId: string): Promise<void> {
      await db.deleteFrom('tasks').where('assignment_id', '=', assignmentId).execute();
    },
    /** Shifts positions >= `from` up by one to make room for an inserted task. */
    async shiftPositions(assignmentId: string, from: number): Promise<void> {
      await db
        .updateTable('tasks')
        .set((eb) => ({ position: eb('position', '+', 1) }))
        .where('assignment_id', '=', assignmentId)
        .where('position', '>=', from)
        .execute();
    },
    /**
     * Records a change by the student; a pending AI refinement then stands down, since their edits win, unless the
     * change touched nothing the refinement decides (`standDown: false`).
     */
    async touch(assignmentId: string, now: string, options: { standDown?: boolean } = {}): Promise<void> {
      const reason = 'The tasks were edited before the AI refinement arrived, so it was not applied.';
      await db
        .updateTable('assignments')
        .set((eb) =>
          options.standDown === false
            ? { updated_at: now }
            : {
                updated_at: now,
                ai_status: eb.case().when('ai_status', '=', 'pending').then(eb.val<AiRefineStatus>('skipped')).else(eb.ref('ai_status')).end(),
                ai_detail: eb.case().when('ai_status', '=', 'pending').then(eb.val<string | null>(reason)).else(eb.ref('ai_detail')).end(),
              },
        )
        .where('id', '=', assignmentId)
        .execute();
    },
    /** Sets the AI refinement state (not a change by the student, so `updated_at` stays). */
    async update(assignmentId: string, changes: Partial<Pick<AssignmentRow, 'ai_status' | 'ai_detail' | 'ai_requested_at'>>): Promise<void> {
      await db.updateTable('assignments').set(changes).where('id', '=', assignmentId).execute();
    },
    /** Any assignment by id, for jobs that act on the owner's behalf. */
    get(id: string): Promise<AssignmentRow | undefined> {
      return db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
    },
  };
}
