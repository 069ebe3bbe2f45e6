import { describe, expect, it } from 'vitest';
import { messageOf, problemError } from './problem';

describe('problemError', () => {
  it('shows the server’s detail, not the status code', () => {
    const error = problemError(400, { type: '/problems/unsupported-file', title: 'Unsupported', status: 400, detail: 'Save it as .docx and upload it again.' });
    expect(error.message).toBe('Save it as .docx and upload it again.');
    expect(error.type).toBe('unsupported-file');
    expect(messageOf(error)).not.toMatch(/status code/);
  });

  it('keeps the field errors of a validation problem', () => {
    const error = problemError(422, {
      type: '/problems/validation',
      detail: 'email: is not an email address',
      errors: [{ field: 'email', message: 'is not an email address' }, { nonsense: true }],
    });
    expect(error.fields).toEqual([{ field: 'email', message: 'is not an email address' }]);
  });

  it('adds the request id to a server error so support can find it', () => {
    const error = problemError(500, { type: '/problems/internal', detail: 'Something went wrong on our side.', requestId: 'req-12345678' });
    expect(error.message).toBe('Something went wrong on our side. (Reference: req-12345678)');
  });

  it('answers a plain sentence for a body that is not a problem', () => {
    expect(problemError(502, '<html>Bad gateway</html>').message).toBe('The server is having trouble right now; try again in a moment.');
    expect(problemError(429, undefined, '30')).toMatchObject({ type: 'rate-limited', retryAfterSeconds: 30 });
  });
});
