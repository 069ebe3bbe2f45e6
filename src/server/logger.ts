import type { LoggerOptions } from 'pino';

/** Paths pino censors in every log line: credentials, cookies and tokens never reach the logs. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
  '*.betaKey',
  '*.inviteCode',
  'password',
  'token',
];

/** pino options for the server and CLI: JSON lines, redacted, at the configured level. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'labmate' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
}
