import { createApiClient } from './client';

/** The app's one API client (its 401 handler is set by the session provider). */
export const api = createApiClient();
