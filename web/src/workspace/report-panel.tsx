import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { ApiError, messageOf } from '../api/problem';
import type { Page, Report, ReportItem, Started } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { TextField } from '../components/field';
import { ErrorNotice, Loading } from '../components/notice';
import { formatMoment, plural } from '../format';
import { ReportList } from './report-list';
import { arrangementFromRequest, documentOrder, initialOrder, isReordered, reconcile, requestBody, type ReportOrder } from './report-order';

const POLL_MS = 1000;

interface ReportPanelProps {
  assignmentId: string;
  /** The uploaded file's name, after which the report is named unless the student chooses a name. */
  originalName: string;
  /** A PDF upload's report is built from the tasks, so the order decides the whole document. */
  format: 'docx' | 'pdf';
  pdfAvailable: boolean;
  disabledReason: string | null;
  /** Changes whenever the tasks or the latest results may have changed, to read the items again. */
  contentsKey: string;
  /** Called when a composition ends, so the history can show the new report. */
  onComposed?: () => void;
}

function orderHint(format: 'docx' | 'pdf', placement: 'below' | 'end'): string {
  if (format === 'pdf') return 'Your report is rebuilt from the questions in this order.';
  if (placement === 'end') return 'The results section at the end follows this order.';
  return 'Below each question, every result stays under its own question; this order decides where several share one. Choose “In a section at the end” to order the whole results section.';
}

function stemOf(name: string): string {
  return name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
}

/** The newest report of the assignment, whose request holds the student's last arrangement; none when it cannot be read. */
async function lastReport(assignmentId: string): Promise<Report | null> {
  try {
    return (await api.get<Page<Report>>(`/assignments/${assignmentId}/reports?limit=1`)).items[0] ?? null;
  } catch {
    // The arrangement is a convenience: without it the items start in document order.
    return null;
  }
}

/** The report's items to order and remove, then compose the report from them, wait for it, and offer the downloads. */
export function ReportPanel({ assignmentId, originalName, format, pdfAvailable, disabledReason, contentsKey, onComposed }: ReportPanelProps) {
  const announce = useAnnounce();
  const [items, setItems] = useState<ReportItem[] | null>(null);
  const [itemsError, setItemsError] = useState<string | null>(null);
  const [arrangement, setArrangement] = useState<ReportOrder>(() => initialOrder([]));
  const [placement, setPlacement] = useState<'below' | 'end'>('below');
  const [pdf, setPdf] = useState(pdfAvailable);
  const [fileName, setFileName] = useState('');
  const [fileNameError, setFileNameError] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<Report | null>(null);
  const [composedBody, setComposedBody] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** When the arrangement was picked up from the last report: that report's creation time. */
  const [restoredFrom, setRestoredFrom] = useState<string | null>(null);
  const alive = useRef(true);
  const seeded = useRef(false);
  const latestLoad = useRef(0);
  const download = useRef<HTMLAnchorElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  useEffect(() => setPdf(pdfAvailable), [pdfAvailable]);
  // The Compose button was disabled while composing, which dropped the focus: the download is the next step.
  const [focusDownload, setFocusDownload] = useState(false);
  useEffect(() => {
    if (!focusDownload || !download.current) return;
    download.current.focus();
    setFocusDownload(false);
  }, [focusDownload, report]);

  const loadItems = useCallback(async () => {
    const load = ++latestLoad.current;
    setItemsError(null);
    try {
      const [answer, last] = await Promise.all([api.get<{ items: ReportItem[] }>(`/assignments/${assignmentId}/report-items`), seeded.current ? null : lastReport(assignmentId)]);
      // Only the newest answer counts: an older one may arrive after it.
      if (!alive.current || load !== latestLoad.current) return;
      setItems(answer.items);
      if (!seeded.current && last) {
        setArrangement(arrangementFromRequest(answer.items, last.request));
        setPlacement(last.request.placement);
        setPdf(last.request.pdf);
        setFileName(last.request.fileName ?? '');
        setRestoredFrom(last.createdAt);
      } else {
        setArrangement((old) =>
          reconcile(
            old,
            answer.items.map((item) => item.taskId),
            answer.items.flatMap((item) => item.pictures.map((picture) => picture.id)),
          ),
        );
      }
      seeded.current = true;
    } catch (failure) {
      if (alive.current && load === latestLoad.current) setItemsError(messageOf(failure));
    }
  }, [assignmentId]);

  useEffect(() => {
    void loadItems();
  }, [loadItems, contentsKey]);

  const documentIds = useMemo(() => (items ?? []).map((item) => item.taskId), [items]);
  const body = requestBody(arrangement, { placement, pdf: pdf && pdfAvailable, fileName });
  const bodyKey = JSON.stringify(body);
  const failedIds = new Set((items ?? []).filter((item) => item.failure !== null).map((item) => item.taskId));
  const leftOut = arrangement.order.filter((id) => failedIds.has(id) && !arrangement.includeFailed.includes(id)).length;
  const going = arrangement.order.length - leftOut;

  async function compose() {
    setBusy(true);
    setError(null);
    setFileNameError(undefined);
    setReport(null);
    announce('Composing your report…');
    try {
      const started = await api.post<Started>(`/assignments/${assignmentId}/reports`, body);
      setComposedBody(bodyKey);
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
        setFocusDownload(true);
      }
    } catch (failure) {
      if (!alive.current) return;
      const invalidName = failure instanceof ApiError ? failure.fields.find((field) => field.field === 'fileName') : undefined;
      if (invalidName) setFileNameError(`The file name ${invalidName.message}.`);
      else setError(messageOf(failure));
    } finally {
      if (alive.current) setBusy(false);
    }
  }

  function backToDocumentOrder() {
    setArrangement((old) => documentOrder(old, documentIds));
    setRestoredFrom(null);
    announce('The items are back in document order.');
    // The button goes away with the reordering: land on the summary rather than nowhere.
    summary.current?.focus();
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
      {itemsError ? <ErrorNotice message={itemsError} onRetry={() => void loadItems()} /> : null}
      {items === null ? (
        itemsError ? null : <Loading label="Reading what the report will hold…" />
      ) : items.length === 0 ? (
        <p className="muted">Nothing to put in the report yet: run the programs, or write or accept the answers to theory questions.</p>
      ) : (
        <>
          <div className="row report-summary">
            <p ref={summary} className="grow" tabIndex={-1}>
              <strong>{plural(going, 'item')}</strong> in the report
              {leftOut ? <span className="muted"> · {plural(leftOut, 'failed item')} left out</span> : null}
              {arrangement.removed.length ? <span className="muted"> · {arrangement.removed.length} removed</span> : null}
            </p>
            {isReordered(arrangement, documentIds) ? (
              <button type="button" className="button small" onClick={backToDocumentOrder}>
                Back to document order
              </button>
            ) : null}
          </div>
          {restoredFrom ? <p className="muted small-print">Arranged as in your last report ({formatMoment(restoredFrom)}).</p> : null}
          {arrangement.order.length > 1 ? <p className="muted small-print">{orderHint(format, placement)}</p> : null}
          <ReportList items={items} arrangement={arrangement} onChange={setArrangement} />
        </>
      )}
      <TextField
        label="File name"
        hint={`Optional, without .docx. Left empty, the report is named “${stemOf(originalName)}_report”.`}
        value={fileName}
        maxLength={150}
        autoComplete="off"
        error={fileNameError}
        onChange={(event) => setFileName(event.target.value)}
      />
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
          {composedBody !== bodyKey ? <p className="muted">You changed the report since it was composed: compose it again to download the new version.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
