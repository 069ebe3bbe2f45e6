// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report, RunSummary } from '../api/types';
import { countsInOrder, History } from './history';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function run(id: string, queuedAt: string, changes: Partial<RunSummary> = {}): RunSummary {
  return { id, assignmentId: 'a1', status: 'succeeded', error: null, queuedAt, finishedAt: queuedAt, artifactsExpiredAt: null, taskCounts: { ok: 1 }, ...changes };
}

function report(id: string, createdAt: string, changes: Partial<Report> = {}): Report {
  return { id, assignmentId: 'a1', status: 'succeeded', error: null, docx: `/api/v1/reports/${id}/docx`, pdf: null, pdfError: null, createdAt, finishedAt: createdAt, request: { order: [], removed: [], placement: 'below', pdf: false, includeFailed: [] }, ...changes };
}

let requests: string[];

beforeEach(() => {
  requests = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = String(input);
    requests.push(url);
    if (url.startsWith('/api/v1/assignments/a1/runs?limit=10&cursor=')) return json({ items: [run('r1', '2026-03-01T08:00:00.000Z')], nextCursor: null });
    if (url.startsWith('/api/v1/assignments/a1/runs')) {
      return json({
        items: [
          run('r3', '2026-03-03T08:00:00.000Z', { taskCounts: { skipped: 1, runtime_error: 2, ok: 3 } }),
          run('r2', '2026-03-02T08:00:00.000Z', { artifactsExpiredAt: '2026-03-10T08:00:00.000Z' }),
        ],
        nextCursor: 'next-page',
      });
    }
    if (url.startsWith('/api/v1/assignments/a1/reports')) {
      return json({ items: [report('p2', '2026-03-04T08:00:00.000Z', { pdf: '/api/v1/reports/p2/pdf' }), report('p1', '2026-03-03T09:00:00.000Z', { status: 'failed', docx: null, error: 'LibreOffice stopped.' })], nextCursor: null });
    }
    return new Response('{}', { status: 404 });
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the history of an assignment', () => {
  it('orders a run’s task counts: successes, then failures, then what did not run', () => {
    expect(countsInOrder({ skipped: 1, cancelled: 0, runtime_error: 2, ok: 3 })).toEqual([
      { status: 'ok', count: 3 },
      { status: 'runtime_error', count: 2 },
      { status: 'skipped', count: 1 },
    ]);
  });

  it('loads nothing until opened, then lists the runs and reports newest first', async () => {
    render(<History assignmentId="a1" shownRunId="r2" version={0} onOpenRun={() => undefined} />);
    const toggle = screen.getByRole('button', { name: 'Earlier runs and reports' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(requests).toEqual([]);

    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const runs = await screen.findByRole('list', { name: 'Earlier runs' });
    const [newest, older] = within(runs).getAllByRole('listitem');
    expect(newest?.textContent).toContain('3 ok');
    expect(newest?.textContent?.indexOf('3 ok')).toBeLessThan(newest?.textContent?.indexOf('2 runtime error') ?? 0);
    expect(newest?.textContent).toContain('6 tasks');
    expect(older?.textContent).toContain('Screenshots deleted');
    expect(older?.textContent).toContain('Shown in the tasks');
    expect(newest?.textContent).not.toContain('Screenshots deleted');

    const reports = await screen.findByRole('list', { name: 'Earlier reports' });
    const [ready, failed] = within(reports).getAllByRole('listitem');
    expect(within(ready as HTMLElement).getByRole('link', { name: /as DOCX$/ }).getAttribute('href')).toBe('/api/v1/reports/p2/docx');
    expect(within(ready as HTMLElement).getByRole('link', { name: /as PDF$/ }).getAttribute('href')).toBe('/api/v1/reports/p2/pdf');
    expect(failed?.textContent).toContain('LibreOffice stopped.');
    expect(within(failed as HTMLElement).queryByRole('link')).toBeNull();
  });

  it('opens an earlier run’s results and pages on with the cursor', async () => {
    const opened: string[] = [];
    render(<History assignmentId="a1" shownRunId={null} version={0} onOpenRun={(id) => opened.push(id)} />);
    act(() => screen.getByRole('button', { name: 'Earlier runs and reports' }).click());
    const runs = await screen.findByRole('list', { name: 'Earlier runs' });
    act(() => within(runs).getAllByRole('button', { name: /^Show results of the run of/ })[1]?.click());
    expect(opened).toEqual(['r2']);

    act(() => screen.getByRole('button', { name: 'Show more runs' }).click());
    await waitFor(() => expect(within(runs).getAllByRole('listitem')).toHaveLength(3));
    expect(requests).toContain('/api/v1/assignments/a1/runs?limit=10&cursor=next-page');
    expect(screen.queryByRole('button', { name: 'Show more runs' })).toBeNull();
  });

  it('loads again when a new run or report may have arrived', async () => {
    const { rerender } = render(<History assignmentId="a1" shownRunId={null} version={0} onOpenRun={() => undefined} />);
    act(() => screen.getByRole('button', { name: 'Earlier runs and reports' }).click());
    await screen.findByRole('list', { name: 'Earlier reports' });
    const before = requests.length;
    rerender(<History assignmentId="a1" shownRunId={null} version={1} onOpenRun={() => undefined} />);
    await waitFor(() => expect(requests.length).toBe(before + 2));
  });
});
