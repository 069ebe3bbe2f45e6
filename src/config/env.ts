import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** True when a bind address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.');
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = z.coerce.number({ message: 'must be a number' }).int('must be a whole number').positive('must be positive');

/** Every environment variable LabMate reads, with its default; names follow DESIGN.md §12. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LABMATE_DATA_DIR: z.string().min(1).default('./data'),
  LABMATE_PUBLIC_URL: z.url({ message: 'must be an absolute http(s) URL' }).optional(),
  LABMATE_SECRET: z.string().optional(),
  LABMATE_SIGNUP: z.enum(['open', 'invite', 'closed']).optional(),
  LABMATE_BETA_KEY: z.string().min(1).optional(),
  LABMATE_CORS_ORIGINS: z.string().optional(),
  LABMATE_RATE_LIMIT: booleanFlag.default(true),
  LABMATE_RATE_LIMIT_MAX: positiveInt.default(300),
  LABMATE_AUTH_RATE_LIMIT_MAX: positiveInt.default(20),
  LABMATE_BODY_LIMIT_MB: positiveInt.default(1),
  LABMATE_UPLOAD_MAX_MB: positiveInt.default(50),
  LABMATE_WORKERS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(64).optional(),
  LABMATE_JOB_NICENESS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(19).default(10),
  LABMATE_MAX_ACTIVE_RUNS: positiveInt.default(3),
  LABMATE_RUNS_PER_HOUR: positiveInt.default(60),
  LABMATE_STORAGE_MB: positiveInt.default(1024),
  LABMATE_SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
  LABMATE_JOB_STALL_MS: positiveInt.min(1_000, 'must be at least 1000 (heartbeats are a sixth of it)').default(60_000),
  LABMATE_REPORT_RETENTION_DAYS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).default(0),
  LABMATE_ARTIFACT_RETENTION_DAYS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).default(0),
  LABMATE_AI_CACHE_DAYS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).default(30),
  TRUST_PROXY: z.string().optional(),
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  LABMATE_QUEUE: z.enum(['auto', 'database', 'bullmq'], { message: 'must be auto, database or bullmq' }).default('auto'),
  LABMATE_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, dots, dashes or underscores')
    .default('labmate'),
  SMTP_URL: z
    .string()
    .regex(/^smtp:\/\/[^/]+$/, 'must be an smtp://[user:password@]host[:port] URL')
    .optional(),
  SMTP_FROM: z.string().min(3).regex(/^[^\r\n]+$/, 'must be one line').optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3-63 lowercase letters, digits, dots, dashes)')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]+$/, 'must be a region name such as us-east-1').default('us-east-1'),
  LABMATE_AI_BASE_URL: z.url().optional(),
  LABMATE_AI_API_KEY: z.string().optional(),
  LABMATE_AI_MODEL: z.string().optional(),
  LABMATE_AI_API_VERSION: z.string().min(1).optional(),
  LABMATE_AI_TIMEOUT_MS: positiveInt.default(60_000),
  LABMATE_AI_MAX_CONCURRENCY: positiveInt.default(4),
  LABMATE_AI_CONTEXT_TOKENS: positiveInt.default(8192),
  LABMATE_AI_MAX_OUTPUT_TOKENS: positiveInt.default(2048),
  LABMATE_AI_PRICE_INPUT_PER_MTOK: z.coerce.number({ message: 'must be a number' }).min(0, 'must not be negative').default(0),
  LABMATE_AI_PRICE_OUTPUT_PER_MTOK: z.coerce.number({ message: 'must be a number' }).min(0, 'must not be negative').default(0),
  LABMATE_AI_DAILY_TOKENS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').default(200_000),
});

export type Env = z.infer<typeof envSchema>;
