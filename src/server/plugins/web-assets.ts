import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import path from 'node:path';

// Vite names built files like `index-3f9a1c2b.js` or `index-B3-xy_9Zq.js` (its hashes may hold `-` and `_`): their
// content never changes under that name.
const HASHED_ASSET = /[-.][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|jpg|webp)$/;

const PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LabMate</title></head>
<body><h1>LabMate</h1><p>The API is running. See the <a href="/api/docs">API documentation</a>.</p></body></html>`;

/**
 * Serves the built web app from `root` (hashed assets immutable, everything else revalidated, unknown non-API GETs
 * answered with index.html for client-side routes); without a build, `/` explains where the API docs are.
 */
export const webAssetsPlugin = fp(
  async (app: FastifyInstance, options: { root: string }) => {
    const index = path.join(options.root, 'index.html');
    if (!existsSync(index)) {
      app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) =>
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(PLACEHOLDER),
      );
      return;
    }
    await app.register(fastifyStatic, {
      root: options.root,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.header('cache-control', HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) {
        reply.callNotFound();
        return reply;
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'web-assets' },
);
