import type { Redis } from 'ioredis';
import type { AccountDeps } from '../accounts/deps.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config/config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { ActiveSession } from '../db/repositories/sessions.repository.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { AssignmentDeps } from '../assignments/deps.js';
import type { JobQueue } from '../jobs/queue.js';
import type { RunDeps } from '../runs/deps.js';
import type { CookiePolicy } from './cookies.js';

/** Everything the routes share: configuration, database, blob storage, clock and optional Redis. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  redis: Redis | undefined;
  cookies: CookiePolicy;
  accounts: AccountDeps;
  blobs: BlobStore;
  assignments: AssignmentDeps;
  jobs: RunDeps & { queue: JobQueue };
}

/** Which callers a route admits; set in each route's `config.auth`. */
export type RouteAccess = 'public' | 'user' | 'admin';

declare module 'fastify' {
  interface FastifyInstance {
    labmate: AppContext;
  }
  interface FastifyRequest {
    /** The signed-in session, resolved from the cookie before anything else runs. */
    session: ActiveSession | null;
    /** The raw session token from the cookie (for rotation at sign-in). */
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    auth?: RouteAccess;
  }
}
