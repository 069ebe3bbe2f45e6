import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
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

const CHANNEL_PREFIX = 'labmate:run-events:';

/**
 * Run progress: every event is stored (so a client resumes from Last-Event-ID, from any process) and announced to
 * listeners in this process at once; with Redis, to listeners in every process at once (without it they learn of
 * other processes' events by polling the store).
 */
export class RunEvents {
  private readonly emitter = new EventEmitter();
  private subscriber: Redis | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly redis?: Redis,
  ) {
    this.emitter.setMaxListeners(0);
    if (redis) {
      // A subscribed connection can do nothing else, so listening takes a second connection.
      this.subscriber = redis.duplicate();
      this.subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => {
        this.emitter.emit(channel.slice(CHANNEL_PREFIX.length), JSON.parse(message) as RunEvent);
      });
      void this.subscriber.psubscribe(`${CHANNEL_PREFIX}*`);
    }
  }

  /** Closes the Redis subscription. */
  async close(): Promise<void> {
    await this.subscriber?.quit();
  }

  /** Stores and announces an event. */
  async emit(runId: string, type: RunEventType, data: Record<string, unknown>): Promise<RunEvent> {
    const runs = runsRepository(this.db);
    for (let attempt = 0; ; attempt++) {
      const seq = (await runs.lastEventSeq(runId)) + 1;
      try {
        await runs.appendEvent({ run_id: runId, seq, type, data: JSON.stringify(data), created_at: this.clock().toISOString() });
        const event = { seq, type, data };
        if (this.redis) await this.redis.publish(`${CHANNEL_PREFIX}${runId}`, JSON.stringify(event));
        else this.emitter.emit(runId, event);
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
