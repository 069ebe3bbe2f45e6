import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { Run } from '../api/types';
import { applyRunEvent, progressFromRun, runFinished, type RunProgress } from './run-progress';

const EVENTS = ['run.started', 'task.started', 'task.finished', 'run.finished'] as const;
const POLL_MS = 2000;

export interface RunState {
  progress: RunProgress | null;
  /** The run as last fetched: results, transcripts and artifacts per task. */
  run: Run | null;
  error: string | null;
}

/**
 * Follows one run: its progress from Server-Sent Events (polling the run if the stream cannot be kept open), and the
 * run itself fetched again whenever a task finishes, so results appear as they arrive.
 */
export function useRun(runId: string | null, onFinished: (run: Run) => void): RunState {
  const [state, setState] = useState<RunState>({ progress: null, run: null, error: null });
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;

  const refresh = useCallback(async (id: string): Promise<Run | null> => {
    try {
      const run = await api.get<Run>(`/runs/${id}`);
      setState((old) => ({
        run,
        error: null,
        // Events may be ahead of the fetched run; a finished run is final either way.
        progress: old.progress && old.progress.runId === id && !runFinished(run.status) ? { ...old.progress, tasks: { ...progressFromRun(run).tasks, ...old.progress.tasks } } : progressFromRun(run),
      }));
      return run;
    } catch (failure) {
      setState((old) => ({ ...old, error: messageOf(failure) }));
      return null;
    }
  }, []);

  useEffect(() => {
    if (!runId) {
      setState({ progress: null, run: null, error: null });
      return;
    }
    let stopped = false;
    let source: EventSource | null = null;
    let poll: number | undefined;

    const finish = async () => {
      source?.close();
      window.clearInterval(poll);
      const run = await refresh(runId);
      if (run && !stopped) finishedRef.current(run);
    };

    const startPolling = () => {
      source?.close();
      if (poll !== undefined) return;
      poll = window.setInterval(() => {
        void refresh(runId).then((run) => {
          if (run && runFinished(run.status) && !stopped) {
            window.clearInterval(poll);
            finishedRef.current(run);
          }
        });
      }, POLL_MS);
    };

    void refresh(runId).then((run) => {
      if (stopped || !run) return;
      if (runFinished(run.status)) return;
      // Same origin: the session cookie goes with the stream.
      source = new EventSource(`/api/v1/runs/${runId}/events`);
      for (const type of EVENTS) {
        source.addEventListener(type, (event) => {
          const data = JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>;
          setState((old) => (old.progress ? { ...old, progress: applyRunEvent(old.progress, type, data) } : old));
          if (type === 'task.finished') void refresh(runId);
          if (type === 'run.finished') void finish();
        });
      }
      source.addEventListener('error', () => {
        // EventSource reconnects by itself (with Last-Event-ID); a closed one (401, 404) will not, so poll instead.
        if (source?.readyState === EventSource.CLOSED) startPolling();
      });
    });

    return () => {
      stopped = true;
      source?.close();
      window.clearInterval(poll);
    };
  }, [runId, refresh]);

  return state;
}
