import { isLoopbackHost, type Env } from './env.js';

const MIN_SECRET_LENGTH = 32;
const PLACEHOLDER_SECRETS = /^(change-?me|changeme|secret|password|example|test|dev|default|labmate)/i;

function isWeakSecret(secret: string): boolean {
  return secret.length < MIN_SECRET_LENGTH || PLACEHOLDER_SECRETS.test(secret) || new Set(secret).size < 10;
}

/** Lists every reason the environment is unsafe to run with NODE_ENV=production (empty when it is fine). */
export function productionProblems(env: Env): string[] {
  const problems: string[] = [];
  if (!env.LABMATE_SECRET) {
    problems.push(`LABMATE_SECRET: required in production (a random string of at least ${MIN_SECRET_LENGTH} characters, e.g. \`openssl rand -base64 48\`)`);
  } else if (isWeakSecret(env.LABMATE_SECRET)) {
    problems.push(`LABMATE_SECRET: too weak (needs at least ${MIN_SECRET_LENGTH} random characters, not a placeholder)`);
  }
  if (!env.LABMATE_PUBLIC_URL) {
    problems.push('LABMATE_PUBLIC_URL: required in production (the https:// address users open, used for links and the Origin check)');
  } else if (!env.LABMATE_PUBLIC_URL.startsWith('https://')) {
    problems.push('LABMATE_PUBLIC_URL: must be https:// in production, so session cookies are never sent over plain http');
  }
  const tls = Boolean(env.TLS_CERT_FILE && env.TLS_KEY_FILE);
  if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
    problems.push('TLS_CERT_FILE / TLS_KEY_FILE: set both or neither');
  }
  const proxied = env.TRUST_PROXY !== undefined && env.TRUST_PROXY !== '' && env.TRUST_PROXY !== 'false' && env.TRUST_PROXY !== '0';
  if (!isLoopbackHost(env.HOST) && !tls && !proxied) {
    problems.push(
      `HOST: ${env.HOST} would serve sessions over plain http; set TRUST_PROXY (behind an https proxy) or TLS_CERT_FILE and TLS_KEY_FILE`,
    );
  }
  if (env.LABMATE_AI_BASE_URL && !isSafeServiceUrl(env.LABMATE_AI_BASE_URL)) {
    problems.push('LABMATE_AI_BASE_URL: must be https:// in production unless the model runs on this machine (127.0.0.1, ::1, localhost), so the API key and documents never cross a network in clear');
  }
  if (env.S3_ENDPOINT && !isSafeServiceUrl(env.S3_ENDPOINT)) {
    problems.push('S3_ENDPOINT: must be https:// in production unless the object store runs on this machine (127.0.0.1, ::1, localhost), so files and keys never cross a network in clear');
  }
  return problems;
}

/** An https:// URL, or any URL on this machine. */
function isSafeServiceUrl(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'https:' || isLoopbackHost(url.hostname.replace(/^\[|\]$/g, ''));
}
