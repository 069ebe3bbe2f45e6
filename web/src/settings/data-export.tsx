import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { ApiError, messageOf } from '../api/problem';
import type { DataExport } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice } from '../components/notice';
import { formatBytes } from '../files';
import { formatDate } from '../format';

// A small export is ready in a second or two; a large one may take minutes, asked about less and less often.
const FIRST_POLL_MS = 1000;
const LONGEST_POLL_MS = 5000;

const building = (row: DataExport | null) => row?.status === 'queued' || row?.status === 'running';

/** Start an export of everything the user has, wait for the zip to be built, and offer it for download. */
export function DataExportPanel() {
  const announce = useAnnounce();
  const [latest, setLatest] = useState<DataExport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const download = useRef<HTMLAnchorElement>(null);
  const focusWhenReady = useRef(false);

  useEffect(() => {
    // Once the export the user asked for is rendered as ready, its download link is where they want to be.
    if (latest?.status !== 'succeeded' || !focusWhenReady.current) return;
    focusWhenReady.current = false;
    download.current?.focus();
  }, [latest]);

  async function follow(row: DataExport, announceReady: boolean) {
    let current = row;
    setLatest(current);
    let wait = FIRST_POLL_MS;
    while (alive.current && building(current)) {
      await new Promise((resolve) => window.setTimeout(resolve, wait));
      wait = Math.min(LONGEST_POLL_MS, wait * 1.5);
      current = await api.get<DataExport>('/me/export');
      if (alive.current) setLatest(current);
    }
    if (!alive.current || !announceReady) return;
    if (current.status === 'succeeded') {
      announce('Your data export is ready to download.');
    } else if (current.status === 'failed') {
      announce('Your data export failed.');
    }
  }

  useEffect(() => {
    alive.current = true;
    // An export started earlier (maybe on another visit) is shown, and followed if it is still being built.
    api
      .get<DataExport>('/me/export')
      .then((row) => follow(row, false))
      .catch((failure: unknown) => {
        if (!(failure instanceof ApiError && failure.status === 404) && alive.current) setError(messageOf(failure));
      });
    return () => {
      alive.current = false;
    };
  }, []);

  async function start() {
    setBusy(true);
    setError(null);
    announce('Preparing your data export…');
    try {
      focusWhenReady.current = true;
      await follow(await api.post<DataExport>('/me/export'), true);
    } catch (failure) {
      focusWhenReady.current = false;
      if (alive.current) setError(messageOf(failure));
    } finally {
      if (alive.current) setBusy(false);
    }
  }

  const inProgress = busy || building(latest);
  return (
    <>
      <p>
        A zip archive of your account and profile, your assignments with their tasks, runs, transcripts and reports, your
        feedback and sessions, and every file you uploaded or LabMate made for you.
      </p>
      {error ? <ErrorNotice message={error} onRetry={() => void start()} /> : null}
      {latest?.status === 'failed' ? <ErrorNotice message={`The export could not be made: ${latest.error ?? 'unknown reason'}. Try again.`} /> : null}
      {latest?.status === 'succeeded' && latest.download ? (
        <div className="notice ok">
          <p>
            Your export from {formatDate(latest.createdAt)} is ready{latest.bytes !== null ? ` (${formatBytes(latest.bytes)})` : ''}.
          </p>
          <a ref={download} className="button primary" href={latest.download} download>
            Download export
          </a>
        </div>
      ) : null}
      <button type="button" className="button" onClick={() => void start()} disabled={inProgress}>
        {inProgress ? <span className="spinner" aria-hidden="true" /> : null}
        {inProgress ? 'Preparing your export…' : latest?.status === 'succeeded' ? 'Make a new export' : 'Export my data'}
      </button>
    </>
  );
}
