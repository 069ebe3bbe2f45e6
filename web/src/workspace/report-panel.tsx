import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { Report, Started } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice } from '../components/notice';

const POLL_MS = 1000;

/** Compose the report from the latest results, wait for it, and offer the downloads. */
export function ReportPanel({ assignmentId, pdfAvailable, disabledReason, onComposed }: { assignmentId: string; pdfAvailable: boolean; disabledReason: string | null; onComposed?: () => void }) {
  const announce = useAnnounce();
  const [placement, setPlacement] = useState<'below' | 'end'>('below');
  const [pdf, setPdf] = useState(pdfAvailable);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const download = useRef<HTMLAnchorElement>(null);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  useEffect(() => setPdf(pdfAvailable), [pdfAvailable]);

  async function compose() {
    setBusy(true);
    setError(null);
    setReport(null);
    announce('Composing your report…');
    try {
      const started = await api.post<Started>(`/assignments/${assignmentId}/reports`, { placement, pdf: pdf && pdfAvailable });
      let current = await api.get<Report>(`/reports/${started.id}`);
      while (alive.current && (current.status === 'queued' || current.status === 'running')) {
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
        current = await api.get<Report>(`/reports/${started.id}`);
      }
      if (!alive.current) return;
      setReport(current);
      onComposed?.();
      if (current.status === 'failed') {
        setError(current.error ?? 'The report could not be composed.');
      } else {
        announce('Your report is ready to download.');
        window.setTimeout(() => download.current?.focus(), 0);
      }
    } catch (failure) {
      if (alive.current) setError(messageOf(failure));
    } finally {
      if (alive.current) setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="report-title">
      <h2 id="report-title">Report</h2>
      <fieldset className="field plain">
        <legend>Where the results go</legend>
        <span className="check">
          <input id="placement-below" type="radio" name="placement" checked={placement === 'below'} onChange={() => setPlacement('below')} />
          <label htmlFor="placement-below">Below each question</label>
        </span>
        <span className="check">
          <input id="placement-end" type="radio" name="placement" checked={placement === 'end'} onChange={() => setPlacement('end')} />
          <label htmlFor="placement-end">In a section at the end</label>
        </span>
      </fieldset>
      {pdfAvailable ? (
        <span className="check">
          <input id="report-pdf" type="checkbox" checked={pdf} onChange={(event) => setPdf(event.target.checked)} />
          <label htmlFor="report-pdf">Also make a PDF</label>
        </span>
      ) : null}
      <div className="row">
        <button type="button" className="button primary" onClick={() => void compose()} disabled={busy || disabledReason !== null} aria-describedby={disabledReason ? 'report-why' : undefined}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? 'Composing…' : 'Compose report'}
        </button>
        {disabledReason ? (
          <span id="report-why" className="muted">
            {disabledReason}
          </span>
        ) : null}
      </div>
      {error ? <ErrorNotice message={error} onRetry={() => void compose()} /> : null}
      {report?.status === 'succeeded' ? (
        <div className="notice ok">
          <p>Your report is ready.</p>
          <div className="row">
            {report.docx ? (
              <a ref={download} className="button primary" href={report.docx} download>
                Download DOCX
              </a>
            ) : null}
            {report.pdf ? (
              <a className="button" href={report.pdf} download>
                Download PDF
              </a>
            ) : null}
          </div>
          {report.pdfError ? <p className="muted">The PDF could not be made: {report.pdfError}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
