// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api';
import { json, problem, stubNetwork } from '../api/test-network';
import { AnnouncerProvider } from '../components/announcer';
import { FEEDBACK_MESSAGE_MAX, FeedbackPage } from './feedback';

const lab = { id: '6f1d2b1e-8a55-4c55-9a59-3f7c1d1e2a10', originalName: 'Lab 1.docx' };
let posted: unknown[] = [];
let feedbackAnswer: () => Response;

beforeEach(() => {
  posted = [];
  api.setCsrfToken('token');
  stubNetwork((url, body) => {
    if (url.startsWith('/api/v1/assignments')) return json(200, { items: [lab], nextCursor: null });
    posted.push(body);
    return feedbackAnswer();
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAt(path: string) {
  const router = createMemoryRouter([{ path: '/feedback', element: <FeedbackPage /> }], { initialEntries: [path] });
  render(
    <AnnouncerProvider>
      <RouterProvider router={router} />
    </AnnouncerProvider>,
  );
}

describe('the feedback page', () => {
  it('counts the message’s characters against the server’s limit and will not take more', async () => {
    renderAt('/feedback');
    const message = screen.getByLabelText('Your message') as HTMLTextAreaElement;
    expect(message.maxLength).toBe(FEEDBACK_MESSAGE_MAX);
    expect(message.getAttribute('aria-describedby')).toContain('feedback-message-note');
    fireEvent.change(message, { target: { value: 'Runs are fast.' } });
    expect(screen.getByText('14 of 4,000 characters').classList.contains('low')).toBe(false);
    fireEvent.change(message, { target: { value: 'x'.repeat(3700) } });
    expect(screen.getByText('3,700 of 4,000 characters').classList.contains('low')).toBe(true);
  });

  it('asks for a rating and a message before sending anything', () => {
    renderAt('/feedback');
    act(() => screen.getByRole('button', { name: 'Send feedback' }).click());
    expect(screen.getByText('Choose a rating from 1 to 5.')).toBeTruthy();
    expect(screen.getByText('Write a few words about what works or what does not.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('1 · Very poor'));
    expect(posted).toEqual([]);
  });

  it('sends the rating, the trimmed message and the assignment named in the address, then thanks the user', async () => {
    feedbackAnswer = () => json(201, { id: 'f1', createdAt: '2025-01-01T00:00:00.000Z' });
    renderAt(`/feedback?assignment=${lab.id}`);
    expect(((await screen.findByLabelText('About an assignment (optional)')) as HTMLSelectElement).value).toBe(lab.id);
    act(() => screen.getByLabelText('4 · Good').click());
    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: '  The screenshots look right.\n' } });
    act(() => screen.getByRole('button', { name: 'Send feedback' }).click());
    await screen.findByText('Thank you. Your feedback was sent to the administrators.');
    expect(posted).toEqual([{ rating: 4, message: 'The screenshots look right.', assignmentId: lab.id }]);
    expect((screen.getByLabelText('Your message') as HTMLTextAreaElement).value).toBe('');
    await vi.waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Thank you. Your feedback was sent to the administrators.'));
  });

  it('shows the server’s problem when the feedback is refused', async () => {
    feedbackAnswer = () => problem(429, 'rate-limited', 'Too much feedback at once; try again in an hour.');
    renderAt('/feedback');
    act(() => screen.getByLabelText('5 · Very good').click());
    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: 'Great.' } });
    act(() => screen.getByRole('button', { name: 'Send feedback' }).click());
    expect((await screen.findByRole('alert')).textContent).toContain('Too much feedback at once; try again in an hour.');
    expect((screen.getByLabelText('Your message') as HTMLTextAreaElement).value).toBe('Great.');
  });
});
