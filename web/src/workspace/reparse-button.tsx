import { useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { Task } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ConfirmDialog } from '../components/dialog';
import { ErrorNotice } from '../components/notice';
import { plural } from '../format';

interface ReparseButtonProps {
  assignmentId: string;
  documentName: string;
  /** Whether the AI checks the detected questions again afterwards. */
  ai: boolean;
  disabled: boolean;
  /** Called with the tasks detected again, once they replaced the old ones. */
  onReparsed: (tasks: Task[]) => void;
}

/** "Re-detect tasks": reads the stored document again, after a confirmation that says what is replaced. */
export function ReparseButton({ assignmentId, documentName, ai, disabled, onReparsed }: ReparseButtonProps) {
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function reparse() {
    setBusy(true);
    setError(null);
    try {
      const { items } = await api.post<{ items: Task[] }>(`/assignments/${assignmentId}/reparse`);
      setConfirming(false);
      onReparsed(items);
      announce(`Detected ${plural(items.length, 'task')} in the document again.`);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button small"
        disabled={disabled}
        onClick={() => {
          setError(null);
          setConfirming(true);
        }}
      >
        Re-detect tasks
      </button>
      <ConfirmDialog
        open={confirming}
        title="Re-detect the tasks?"
        confirmLabel="Replace the tasks"
        danger
        busy={busy}
        onConfirm={() => void reparse()}
        onCancel={() => setConfirming(false)}
      >
        <p>LabMate reads “{documentName}” again and replaces every task with the questions it finds now.</p>
        <p>
          <strong>Lost:</strong> tasks you added, your edits (code, input, answers, themes, screenshot switches) and AI drafts.
        </p>
        <p>
          Earlier runs and reports stay in the history, but the new tasks start without results: run them again before you compose the next report.
          {ai ? ' The AI then checks the detected questions again.' : ''}
        </p>
        {error ? <ErrorNotice message={error} /> : null}
      </ConfirmDialog>
    </>
  );
}
