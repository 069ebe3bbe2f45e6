import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LANGUAGES } from '../../../../sandbox/index.js';
import { withProblems } from '../../../problem-schema.js';

const capabilitiesSchema = z.object({
  ai: z.boolean(),
  pdf: z.boolean(),
  languages: z.array(z.string()),
  maxUploadBytes: z.number().int(),
});

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, program)));
}

/** What this server can do, so the web app shows only the actions that work here. */
export async function capabilitiesRoutes(app: FastifyInstance): Promise<void> {
  const pdf = onPath('soffice');
  app.withTypeProvider<ZodTypeProvider>().get(
    '/capabilities',
    {
      config: { auth: 'public' },
      schema: { summary: 'What this server can do (AI, PDF export, languages it runs)', tags: ['meta'], response: withProblems({ 200: capabilitiesSchema }) },
    },
    async () => ({ ai: app.labmate.config.ai !== undefined, pdf, languages: [...LANGUAGES], maxUploadBytes: app.labmate.config.uploadMaxBytes }),
  );
}
