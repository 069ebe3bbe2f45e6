import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { envSchema, isLoopbackHost, type Env } from './env.js';
import { productionProblems } from './production-checks.js';

/** The validated, resolved configuration every entry point runs on. */
export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  publicUrl: string;
  /** Server secret for HMACs (CSRF tokens); from LABMATE_SECRET, or generated once per data dir outside production. */
  secret: string;
  signupMode: 'open' | 'invite' | 'closed';
  betaKey: string | undefined;
  corsOrigins: string[];
  /** Cookies get `Secure` and the `__Host-` prefix unless the app is plain http on loopback. */
  secureCookies: boolean;
  trustProxy: boolean | string;
  tls: { certFile: string; keyFile: string } | undefined;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Where jobs wait: rows in the database, or BullMQ on Redis (LABMATE_QUEUE, default: BullMQ when REDIS_URL is set). */
  queue: { kind: 'database' } | { kind: 'bullmq'; redisUrl: string; prefix: string };
  rateLimit: { enabled: boolean; max: number; authMax: number };
  bodyLimitBytes: number;
  /** Largest document upload. */
  uploadMaxBytes: number;
  /** Jobs worked on at once by this process (0: an API-only server; `labmate worker` does the jobs). */
  workers: number;
  /** CPU niceness of sandboxed programs and LibreOffice, so they never starve the API (0: the server's own). */
  jobNiceness: number;
  /** Per-user limits for users without a plan: runs waiting or running, runs per hour, stored megabytes. */
  limits: { concurrentRuns: number; runsPerHour: number; storageMb: number };
  shutdownGraceMs: number;
  /** A running job silent this long belongs to a dead process and is recovered; heartbeats come 6 times as often. */
  jobStallMs: number;
  /** Days reports and run artifacts are kept after they were made; 0 keeps them forever. */
  retentionDays: { reports: number; artifacts: number; aiCache: number };
  /** Outgoing mail (self-service password reset), when SMTP_URL is set; `from` defaults to labmate@ the public host. */
  smtp: { url: string; from: string } | undefined;
  /** The OpenAI-compatible model, when LABMATE_AI_BASE_URL and LABMATE_AI_MODEL are set. */
  ai: AiConfig | undefined;
  /** S3-compatible object storage for files, when S3_ENDPOINT is set; files go under LABMATE_DATA_DIR/blobs otherwise. */
  s3: S3Config | undefined;
}

/** Where and how to reach the bucket (path-style addressing, which AWS, MinIO, R2 and Ceph all accept). */
export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** How to reach and pay for the AI model. */
export interface AiConfig {
  /** Base URL without a trailing slash; requests go to `${baseUrl}/chat/completions`. */
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  /** Azure OpenAI: sent as the `api-version` query parameter, and the key as the `api-key` header. */
  apiVersion: string | undefined;
  /** Per HTTP attempt. */
  timeoutMs: number;
  /** Calls in flight at once from this process. */
  maxConcurrency: number;
  contextTokens: number;
  maxOutputTokens: number;
  /** US dollars per million tokens, for the cost counted per user and feature. */
  priceInputPerMTok: number;
  priceOutputPerMTok: number;
  /** Tokens a user without a plan may use per UTC day. */
  dailyTokens: number;
}

/** Raised when the environment is invalid; `problems` has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  return value;
}

function loadOrCreateDevSecret(dataDir: string): string {
  const file = path.join(dataDir, 'dev-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

function aiProblems(env: Env): string[] {
  if (env.LABMATE_AI_BASE_URL && !env.LABMATE_AI_MODEL) return ['LABMATE_AI_MODEL: required when LABMATE_AI_BASE_URL is set (the model or deployment name)'];
  if (env.LABMATE_AI_MODEL && !env.LABMATE_AI_BASE_URL) return ['LABMATE_AI_BASE_URL: required when LABMATE_AI_MODEL is set (e.g. https://api.openai.com/v1)'];
  return [];
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

function s3Problems(env: Env): string[] {
  const missing = S3_VARIABLES.filter((name) => !env[name]);
  if (missing.length === 0 || missing.length === S3_VARIABLES.length) return [];
  return missing.map((name) => `${name}: required when any of ${S3_VARIABLES.join(', ')} is set`);
}

function s3Config(env: Env): S3Config | undefined {
  if (!env.S3_ENDPOINT || !env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) return undefined;
  return {
    endpoint: env.S3_ENDPOINT.replace(/\/+$/, ''),
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  };
}

function aiConfig(env: Env): AiConfig | undefined {
  if (!env.LABMATE_AI_BASE_URL || !env.LABMATE_AI_MODEL) return undefined;
  return {
    baseUrl: env.LABMATE_AI_BASE_URL.replace(/\/+$/, ''),
    apiKey: env.LABMATE_AI_API_KEY || undefined,
    model: env.LABMATE_AI_MODEL,
    apiVersion: env.LABMATE_AI_API_VERSION,
    timeoutMs: env.LABMATE_AI_TIMEOUT_MS,
    maxConcurrency: env.LABMATE_AI_MAX_CONCURRENCY,
    contextTokens: env.LABMATE_AI_CONTEXT_TOKENS,
    maxOutputTokens: env.LABMATE_AI_MAX_OUTPUT_TOKENS,
    priceInputPerMTok: env.LABMATE_AI_PRICE_INPUT_PER_MTOK,
    priceOutputPerMTok: env.LABMATE_AI_PRICE_OUTPUT_PER_MTOK,
    dailyTokens: env.LABMATE_AI_DAILY_TOKENS,
  };
}

/** Validates the environment and resolves defaults; throws ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const problems = env.NODE_ENV === 'production' ? productionProblems(env) : [];
  problems.push(...aiProblems(env), ...s3Problems(env));
  if (env.LABMATE_QUEUE === 'bullmq' && !env.REDIS_URL) problems.push('LABMATE_QUEUE: bullmq needs REDIS_URL');
  if (problems.length > 0) throw new ConfigError(problems);

  const loopback = isLoopbackHost(env.HOST);
  const tls = env.TLS_CERT_FILE && env.TLS_KEY_FILE ? { certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE } : undefined;
  const urlHost = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const publicUrl = (env.LABMATE_PUBLIC_URL ?? `${tls ? 'https' : 'http'}://${urlHost}:${env.PORT}`).replace(/\/+$/, '');
  const dataDir = path.resolve(env.LABMATE_DATA_DIR);
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    dataDir,
    publicUrl,
    secret: env.LABMATE_SECRET ?? loadOrCreateDevSecret(dataDir),
    signupMode: env.LABMATE_SIGNUP ?? (loopback ? 'open' : 'invite'),
    betaKey: env.LABMATE_BETA_KEY,
    corsOrigins: (env.LABMATE_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    secureCookies: publicUrl.startsWith('https://') || !loopback,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    tls,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    queue:
      env.REDIS_URL && env.LABMATE_QUEUE !== 'database'
        ? { kind: 'bullmq', redisUrl: env.REDIS_URL, prefix: env.LABMATE_QUEUE_PREFIX }
        : { kind: 'database' },
    rateLimit: { enabled: env.LABMATE_RATE_LIMIT, max: env.LABMATE_RATE_LIMIT_MAX, authMax: env.LABMATE_AUTH_RATE_LIMIT_MAX },
    bodyLimitBytes: env.LABMATE_BODY_LIMIT_MB * 1024 * 1024,
    uploadMaxBytes: env.LABMATE_UPLOAD_MAX_MB * 1024 * 1024,
    workers: env.LABMATE_WORKERS ?? availableParallelism(),
    jobNiceness: env.LABMATE_JOB_NICENESS,
    limits: { concurrentRuns: env.LABMATE_MAX_ACTIVE_RUNS, runsPerHour: env.LABMATE_RUNS_PER_HOUR, storageMb: env.LABMATE_STORAGE_MB },
    shutdownGraceMs: env.LABMATE_SHUTDOWN_GRACE_MS,
    jobStallMs: env.LABMATE_JOB_STALL_MS,
    retentionDays: { reports: env.LABMATE_REPORT_RETENTION_DAYS, artifacts: env.LABMATE_ARTIFACT_RETENTION_DAYS, aiCache: env.LABMATE_AI_CACHE_DAYS },
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? `LabMate <labmate@${new URL(publicUrl).hostname}>` } : undefined,
    ai: aiConfig(env),
    s3: s3Config(env),
  };
}
