import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { messageOf } from '../api/problem';
import { uploadDocument } from '../api/upload';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice, Loading } from '../components/notice';
import { usePageTitle } from '../components/page-title';
import { ACCEPT, formatBytes, uploadProblem } from '../files';
import { useCapabilities } from '../session';

type Phase = { kind: 'idle' } | { kind: 'sending'; name: string; percent: number } | { kind: 'reading'; name: string };

/** Pick or drop one document; it is checked here first, uploaded with real progress, then opened in the workspace. */
export function UploadPage() {
  usePageTitle('Upload an assignment');
  const capabilities = useCapabilities();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const lastAnnounced = useRef(-1);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  useEffect(() => () => abort.current?.abort(), []);

  async function start(file: File) {
    if (!capabilities) return;
    const problem = uploadProblem(file, capabilities.maxUploadBytes);
    setError(problem);
    if (problem) return;
    const controller = new AbortController();
    abort.current = controller;
    lastAnnounced.current = -1;
    setPhase({ kind: 'sending', name: file.name, percent: 0 });
    announce(`Uploading ${file.name}.`);
    try {
      const assignment = await uploadDocument(
        api,
        file,
        ({ loaded, total }) => {
          const percent = Math.min(100, Math.round((100 * loaded) / total));
          if (loaded >= total) {
            setPhase({ kind: 'reading', name: file.name });
          } else {
            setPhase({ kind: 'sending', name: file.name, percent });
          }
          // Read out every quarter, not every event.
          const quarter = Math.floor(percent / 25);
          if (quarter > lastAnnounced.current && percent < 100) {
            lastAnnounced.current = quarter;
            announce(`Upload ${percent} percent.`);
          }
        },
        controller.signal,
      );
      announce(`Found ${assignment.tasks.length} tasks in ${assignment.originalName}.`);
      navigate(`/assignments/${assignment.id}`);
    } catch (failure) {
      setPhase({ kind: 'idle' });
      if (controller.signal.aborted) {
        announce('Upload cancelled.');
        return;
      }
      setError(messageOf(failure));
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (phase.kind !== 'idle') return;
    const files = event.dataTransfer.files;
    if (files.length !== 1 || !files[0]) {
      setError('Drop one document at a time.');
      return;
    }
    void start(files[0]);
  }

  return (
    <div className="narrow-wide">
      <h1>Upload an assignment</h1>
      <p className="muted">
        A Word (.docx) or PDF lab assignment{capabilities ? `, up to ${formatBytes(capabilities.maxUploadBytes)}` : ''}. LabMate
        reads it, finds every question and the code and input it shows. Your file stays private to your account.
      </p>
      {error ? <ErrorNotice message={error} /> : null}
      {!capabilities ? <Loading label="Loading…" /> : null}
      {capabilities && phase.kind === 'idle' ? (
        <div
          className={`dropzone${over ? ' over' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p>
            <strong>Drop your document here</strong>
            <br />
            <span className="muted">or</span>
          </p>
          <button type="button" className="button primary" onClick={() => input.current?.click()}>
            Choose a file
          </button>
          <input
            ref={input}
            id="upload-file"
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Document to upload"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void start(file);
            }}
          />
        </div>
      ) : null}
      {phase.kind !== 'idle' ? (
        <div className="card stack" aria-busy="true">
          <p>
            <strong>{phase.name}</strong>
          </p>
          {phase.kind === 'sending' ? (
            <>
              <label htmlFor="upload-progress">Uploading… {phase.percent} %</label>
              <progress id="upload-progress" className="progress" max={100} value={phase.percent} />
            </>
          ) : (
            <>
              <label htmlFor="upload-progress">Uploaded. Reading the document and finding its questions…</label>
              <progress id="upload-progress" className="progress" />
            </>
          )}
          <button type="button" className="button" onClick={() => abort.current?.abort()}>
            Cancel upload
          </button>
        </div>
      ) : null}
    </div>
  );
}
