import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../../../../test/fixtures/docx-builder.js';
import { appWithTwoUsers, type TestApp } from '../../../../../test/helpers/app.js';
import { TestClient } from '../../../../../test/helpers/client.js';
import { testDialects } from '../../../../../test/helpers/databases.js';
import { FEEDBACK_RATE_LIMIT } from './routes.js';

describe.each(testDialects())('feedback on %s', (dialect) => {
  let t: TestApp;
  let ana: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    ({ t, ana, bob } = await appWithTwoUsers({ dialect, env: { LABMATE_RATE_LIMIT: 'true' } }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores a rating and message, about one of my assignments or none', async () => {
    const docx = await buildDocx([{ text: 'Q1. Explain recursion.' }]);
    const assignmentId = (await ana.upload('lab.docx', docx)).json().id as string;

    const about = await ana.post('/api/v1/feedback', { rating: 5, message: 'The screenshots look right.\nThanks!', assignmentId });
    expect(about.statusCode).toBe(201);
    expect(about.json()).toMatchObject({ id: expect.any(String), createdAt: expect.any(String) });
    const general = await ana.post('/api/v1/feedback', { rating: 2, message: 'Dark mode please' });
    expect(general.statusCode).toBe(201);

    const stored = await t.database.handle.db.selectFrom('feedback').selectAll().orderBy('rating').execute();
    expect(stored.map((row) => [row.rating, row.assignment_id])).toEqual([
      [2, null],
      [5, assignmentId],
    ]);
    // Another student cannot attach feedback to Ana's assignment, nor learn that it exists.
    expect((await bob.post('/api/v1/feedback', { rating: 1, message: 'hm', assignmentId })).statusCode).toBe(404);
  });

  it('refuses a rating outside 1–5, an empty or over-long message and a malformed assignment id', async () => {
    const cases: Array<[unknown, string]> = [
      [{ rating: 0, message: 'x' }, 'rating'],
      [{ rating: 6, message: 'x' }, 'rating'],
      [{ rating: 3.5, message: 'x' }, 'rating'],
      [{ rating: 3, message: '  ' }, 'message'],
      [{ rating: 3, message: 'x'.repeat(4_001) }, 'message'],
      [{ rating: 3, message: 'x', assignmentId: 'nope' }, 'assignmentId'],
    ];
    for (const [body, field] of cases) {
      const response = await bob.post('/api/v1/feedback', body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 60)).toBe(422);
      expect(response.json().errors[0].field).toBe(field);
    }
    expect((await bob.post('/api/v1/feedback', { rating: 3, message: 'x'.repeat(4_000) })).statusCode).toBe(201);
  });

  it('refuses the anonymous and limits how much one user sends', async () => {
    expect((await new TestClient(t.app).post('/api/v1/feedback', { rating: 3, message: 'hi' })).statusCode).toBe(401);
    const cy = new TestClient(t.app);
    await cy.signUp('cy@example.com');
    for (let i = 0; i < FEEDBACK_RATE_LIMIT.max; i++) {
      expect((await cy.post('/api/v1/feedback', { rating: 4, message: `note ${i}` })).statusCode).toBe(201);
    }
    const limited = await cy.post('/api/v1/feedback', { rating: 4, message: 'one too many' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().type).toBe('/problems/rate-limited');
    expect((await ana.post('/api/v1/feedback', { rating: 4, message: 'still fine for others' })).statusCode).toBe(201);
  });
});
