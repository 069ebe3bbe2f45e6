// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnouncerProvider } from '../components/announcer';
import { PlanForm } from './plan-form';
import type { Plan } from './types';

interface Sent {
  method: string;
  url: string;
  body: unknown;
}

let sent: Sent[];
let answer: (sent: Sent) => Response;

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  sent = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/auth/csrf')) return json(200, { csrfToken: 'token' });
    const request = { method: init?.method ?? 'GET', url, body: init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined };
    sent.push(request);
    return answer(request);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('the plan form', () => {
  it('sends nothing while a field is wrong: says what to fix at the field and puts focus on the first one', async () => {
    render(<PlanForm onSaved={() => undefined} onCancel={() => undefined} />, { wrapper: AnnouncerProvider });
    fill('Name', 'Course CS101');
    fill('Runs per hour', '30');
    fill('Runs at once', '500');
    fill('Storage (MB)', 'lots');
    await submit('Create plan');
    expect(sent).toEqual([]);
    const runsAtOnce = screen.getByLabelText('Runs at once');
    expect(runsAtOnce.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(runsAtOnce.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent).toBe('At most 100.');
    expect(screen.getByText('Enter a whole number, 0 or more.')).toBeTruthy();
    expect(screen.getByText('Enter a number.')).toBeTruthy();
    expect(document.activeElement).toBe(runsAtOnce);
  });

  it('creates the plan with numbers, and shows the server’s detail when it refuses', async () => {
    const saved: Plan[] = [];
    answer = () => json(409, { type: '/problems/conflict', status: 409, detail: 'A plan named “Course CS101” already exists.' });
    render(<PlanForm onSaved={(plan) => saved.push(plan)} onCancel={() => undefined} />, { wrapper: AnnouncerProvider });
    fill('Name', 'Course CS101');
    fill('Runs per hour', '30');
    fill('Runs at once', '2');
    fill('Storage (MB)', '1,024');
    fill('AI tokens per day', '200 000');
    await submit('Create plan');
    expect(sent).toEqual([
      { method: 'POST', url: '/api/v1/admin/plans', body: { name: 'Course CS101', runsPerHour: 30, concurrentRuns: 2, storageMb: 1024, aiTokensPerDay: 200_000 } },
    ]);
    expect(screen.getByRole('alert').textContent).toContain('A plan named “Course CS101” already exists.');
    expect(saved).toEqual([]);

    answer = (request) => json(201, { id: 'p1', createdAt: '', updatedAt: '', ...(request.body as object) });
    fill('Name', 'Course CS102');
    await submit('Create plan');
    expect(saved.map((plan) => plan.name)).toEqual(['Course CS102']);
  });

  it('edits a plan from its values with PATCH', async () => {
    const plan: Plan = { id: 'p1', name: 'Pro', runsPerHour: 60, concurrentRuns: 3, storageMb: 2048, aiTokensPerDay: 0, createdAt: '', updatedAt: '' };
    answer = (request) => json(200, { ...plan, ...(request.body as object) });
    const saved: Plan[] = [];
    render(<PlanForm plan={plan} onSaved={(next) => saved.push(next)} onCancel={() => undefined} />, { wrapper: AnnouncerProvider });
    expect(screen.getByRole('heading', { name: 'Edit the plan “Pro”' })).toBe(document.activeElement);
    expect((screen.getByLabelText('Storage (MB)') as HTMLInputElement).value).toBe('2048');
    fill('Storage (MB)', '4096');
    await submit('Save plan');
    expect(sent[0]).toMatchObject({ method: 'PATCH', url: '/api/v1/admin/plans/p1', body: { storageMb: 4096, name: 'Pro' } });
    expect(saved[0]?.storageMb).toBe(4096);
  });
});
