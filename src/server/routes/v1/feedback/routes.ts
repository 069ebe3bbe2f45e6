import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { submitFeedback } from '../../../../accounts/submit-feedback.js';
import { requireSession } from '../../../plugins/access.js';
import { withProblems } from '../../../problem-schema.js';
import { feedbackBody, feedbackCreatedSchema } from './schemas.js';

const tags = ['feedback'];

/** How much feedback one user may send: enough for honest use, too little to flood the administrators' list. */
export const FEEDBACK_RATE_LIMIT = { max: 10, timeWindow: '1 hour' };

/** Students tell the administrators what they think, optionally about one of their assignments. */
export async function feedbackRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { accounts } = app.labmate;

  api.post(
    '/',
    {
      config: { rateLimit: FEEDBACK_RATE_LIMIT },
      schema: {
        summary: 'Send feedback: a rating of 1–5 and a message, optionally about one of my assignments',
        tags,
        body: feedbackBody,
        response: withProblems({ 201: feedbackCreatedSchema }, [401, 403, 404, 422]),
      },
    },
    async (request, reply) => {
      const { userId } = requireSession(request);
      const created = await submitFeedback(accounts, { userId, ...request.body });
      return reply.code(201).send(created);
    },
  );
}
