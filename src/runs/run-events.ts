import { EventEmitter } from 'node:events';
import type { Clock } from '../clock.js';
import { runsRepository } from '../db/repositories/runs.repository.js';
import type { Db } from '../db/repositories/types.js';
import { isUniqueViolation } from '../db/unique-violation.js';

export type RunEventType = 'run.started' | 'task.started' | 'task.finished' | 'run.finished' | 'run.cancelling';

/** One progress event; `seq` is its Server-Sent Events id within the run. */
export interface RunEvent {
  seq: number;
  type: RunEventType;
  data: Record<string, unknown>;
}

/**
 * Run progress: every event is stored (so a client resumes from Last-Event-ID, from any process) and announced to
 * listeners in this process at once.
 */
export class RunEvents {
  private readonly emitter = new EventEmitter();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Stores and announces an event. */
  async emit(runId: string, type: RunEventType, data: Record<string, unknown>): Promise<RunEvent> {
    const runs = runsRepository(this.db);
    for (let attempt = 0; ; attempt++) {
      const seq = (await runs.lastEventSeq(runId)) + 1;
      try {
        await runs.appendEvent({ run_id: runId, seq, type, data: JSON.stringify(data), created_at: this.clock().toISOString() });
        const event = { seq, type, data };
        this.emitter.emit(runId, event);
        return event;
      } catch (error) {
        // Two writers (the worker and a cancel) took the same number: take the next one.
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  /** Stored events after `seq`, oldest first. */
  async after(runId: string, seq: number): Promise<RunEvent[]> {
    const rows = await runsRepository(this.db).eventsAfter(runId, seq);
    return rows.map((row) => ({ seq: row.seq, type: row.type as RunEventType, data: JSON.parse(row.data) as Record<string, unknown> }));
  }

  /** Calls `listener` for each new event of the run in this process; returns the unsubscribe function. */
  subscribe(runId: string, listener: (event: RunEvent) => void): () => void {
    this.emitter.on(runId, listener);
    return () => this.emitter.off(runId, listener);
  }
}
