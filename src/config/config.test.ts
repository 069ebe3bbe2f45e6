import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'labmate-config-'));
const strongSecret = 'Zx8!qP2#vL5@nR7$wT1%yK4^mB6&cD9*';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs on loopback with no configuration, open sign-up and plain-http cookies', () => {
    const config = loadConfig({ LABMATE_DATA_DIR: dataDir() });
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.signupMode).toBe('open');
    expect(config.secureCookies).toBe(false);
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('puts jobs on BullMQ when REDIS_URL is set, unless LABMATE_QUEUE says database', () => {
    const redis = { LABMATE_DATA_DIR: dataDir(), REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(loadConfig({ LABMATE_DATA_DIR: dataDir() }).queue).toEqual({ kind: 'database' });
    expect(loadConfig(redis).queue).toEqual({ kind: 'bullmq', redisUrl: 'redis://127.0.0.1:6379', prefix: 'labmate' });
    expect(loadConfig({ ...redis, LABMATE_QUEUE: 'database' }).queue).toEqual({ kind: 'database' });
    expect(problemsOf({ LABMATE_DATA_DIR: dataDir(), LABMATE_QUEUE: 'bullmq' })).toEqual(['LABMATE_QUEUE: bullmq needs REDIS_URL']);
  });

  it('keeps the generated development secret across restarts', () => {
    const dir = dataDir();
    expect(loadConfig({ LABMATE_DATA_DIR: dir }).secret).toBe(loadConfig({ LABMATE_DATA_DIR: dir }).secret);
  });

  it('defaults to invite sign-up and secure cookies on a public bind', () => {
    const config = loadConfig({ HOST: '0.0.0.0', LABMATE_DATA_DIR: dataDir() });
    expect(config.signupMode).toBe('invite');
    expect(config.secureCookies).toBe(true);
  });

  it('names every bad variable in one message each', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LABMATE_SIGNUP: 'sometimes' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/LABMATE_SIGNUP/);
  });

  it('keeps reports and artifacts forever, cached AI answers 30 days, and recovers jobs after a minute unless told otherwise', () => {
    const config = loadConfig({ LABMATE_DATA_DIR: dataDir() });
    expect(config.retentionDays).toEqual({ reports: 0, artifacts: 0, aiCache: 30 });
    expect(config.jobStallMs).toBe(60_000);
    const tuned = loadConfig({ LABMATE_DATA_DIR: dataDir(), LABMATE_JOB_STALL_MS: '3000', LABMATE_REPORT_RETENTION_DAYS: '30', LABMATE_ARTIFACT_RETENTION_DAYS: '7', LABMATE_AI_CACHE_DAYS: '0' });
    expect(tuned.jobStallMs).toBe(3000);
    expect(tuned.retentionDays).toEqual({ reports: 30, artifacts: 7, aiCache: 0 });
  });

  it('refuses a stall window too short for heartbeats and negative retention', () => {
    const problems = problemsOf({ LABMATE_JOB_STALL_MS: '200', LABMATE_REPORT_RETENTION_DAYS: '-1', LABMATE_ARTIFACT_RETENTION_DAYS: 'forever' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/LABMATE_JOB_STALL_MS: must be at least 1000/);
    expect(problems.join('\n')).toMatch(/LABMATE_REPORT_RETENTION_DAYS/);
    expect(problems.join('\n')).toMatch(/LABMATE_ARTIFACT_RETENTION_DAYS/);
  });

  it('refuses production without a secret or a public https URL', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('LABMATE_SECRET'))).toBe(true);
    expect(problems.some((p) => p.startsWith('LABMATE_PUBLIC_URL'))).toBe(true);
  });

  it('refuses a weak production secret', () => {
    const problems = problemsOf({ NODE_ENV: 'production', LABMATE_SECRET: 'changeme', LABMATE_PUBLIC_URL: 'https://lab.example' });
    expect(problems).toEqual([expect.stringMatching(/^LABMATE_SECRET: too weak/)]);
  });

  it('refuses a public plain-http bind in production unless behind a proxy or TLS', () => {
    const base = { NODE_ENV: 'production', LABMATE_SECRET: strongSecret, LABMATE_PUBLIC_URL: 'https://lab.example', HOST: '0.0.0.0' };
    expect(problemsOf(base)).toEqual([expect.stringMatching(/^HOST: .*plain http/)]);
    expect(problemsOf({ ...base, TRUST_PROXY: 'true' })).toEqual([]);
    expect(problemsOf({ ...base, TLS_CERT_FILE: '/c.pem', TLS_KEY_FILE: '/k.pem' })).toEqual([]);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      LABMATE_SECRET: strongSecret,
      LABMATE_PUBLIC_URL: 'https://lab.example',
      LABMATE_DATA_DIR: dataDir(),
    });
    expect(config.secureCookies).toBe(true);
    expect(config.secret).toBe(strongSecret);
  });
});

describe('AI configuration', () => {
  it('is off without a base URL and model, and resolved with defaults when both are set', () => {
    expect(loadConfig({ LABMATE_DATA_DIR: dataDir() }).ai).toBeUndefined();
    const ai = loadConfig({ LABMATE_DATA_DIR: dataDir(), LABMATE_AI_BASE_URL: 'http://127.0.0.1:11434/v1/', LABMATE_AI_MODEL: 'llama3.1' }).ai;
    expect(ai).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', apiKey: undefined, contextTokens: 8192, dailyTokens: 200_000 });
  });

  it('names the missing half when only the base URL or only the model is set', () => {
    expect(problemsOf({ LABMATE_AI_BASE_URL: 'https://api.openai.com/v1' })).toEqual([expect.stringMatching(/^LABMATE_AI_MODEL: required/)]);
    expect(problemsOf({ LABMATE_AI_MODEL: 'gpt-4o-mini' })).toEqual([expect.stringMatching(/^LABMATE_AI_BASE_URL: required/)]);
  });

  it('refuses a plain-http model on another machine in production, but not one on loopback', () => {
    const base = { NODE_ENV: 'production', LABMATE_SECRET: strongSecret, LABMATE_PUBLIC_URL: 'https://lab.example', LABMATE_DATA_DIR: dataDir(), LABMATE_AI_MODEL: 'm' };
    expect(problemsOf({ ...base, LABMATE_AI_BASE_URL: 'http://10.0.0.5:8000/v1' })).toEqual([expect.stringMatching(/^LABMATE_AI_BASE_URL: must be https/)]);
    expect(problemsOf({ ...base, LABMATE_AI_BASE_URL: 'http://127.0.0.1:11434/v1' })).toEqual([]);
    expect(problemsOf({ ...base, LABMATE_AI_BASE_URL: 'http://[::1]:8000/v1' })).toEqual([]);
    expect(problemsOf({ ...base, LABMATE_AI_BASE_URL: 'https://api.openai.com/v1' })).toEqual([]);
  });
});

describe('object storage configuration', () => {
  const bucket = { S3_ENDPOINT: 'https://s3.eu-west-3.amazonaws.com/', S3_BUCKET: 'lab-files', S3_ACCESS_KEY_ID: 'AKIA0000', S3_SECRET_ACCESS_KEY: 'not-a-real-secret' };

  it('keeps files on the filesystem without S3 settings, and in the bucket with all four', () => {
    expect(loadConfig({ LABMATE_DATA_DIR: dataDir() }).s3).toBeUndefined();
    expect(loadConfig({ LABMATE_DATA_DIR: dataDir(), ...bucket, S3_REGION: 'eu-west-3' }).s3).toEqual({
      endpoint: 'https://s3.eu-west-3.amazonaws.com',
      bucket: 'lab-files',
      region: 'eu-west-3',
      accessKeyId: 'AKIA0000',
      secretAccessKey: 'not-a-real-secret',
    });
  });

  it('names each missing S3 setting when only some are set, and refuses a bad bucket name', () => {
    expect(problemsOf({ S3_ENDPOINT: bucket.S3_ENDPOINT, S3_BUCKET: 'lab-files' })).toEqual([
      expect.stringMatching(/^S3_ACCESS_KEY_ID: required when any of/),
      expect.stringMatching(/^S3_SECRET_ACCESS_KEY: required when any of/),
    ]);
    expect(problemsOf({ ...bucket, S3_BUCKET: 'Lab_Files' })).toEqual([expect.stringMatching(/^S3_BUCKET: must be an S3 bucket name/)]);
  });

  it('refuses a plain-http object store on another machine in production, but not one on loopback', () => {
    const base = { NODE_ENV: 'production', LABMATE_SECRET: strongSecret, LABMATE_PUBLIC_URL: 'https://lab.example', LABMATE_DATA_DIR: dataDir(), ...bucket };
    expect(problemsOf({ ...base, S3_ENDPOINT: 'http://10.0.0.7:9000' })).toEqual([expect.stringMatching(/^S3_ENDPOINT: must be https/)]);
    expect(problemsOf({ ...base, S3_ENDPOINT: 'http://127.0.0.1:9000' })).toEqual([]);
    expect(problemsOf(base)).toEqual([]);
  });
});
