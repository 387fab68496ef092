import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from './config-error.js';

/** One answer for every way a port can be wrong: a word, a fraction, out of range. */
const portProblem = 'must be a port number from 0 to 65535';

const appId = z
  .string()
  .regex(/^cli_[0-9a-f]{16}$/, 'must look like cli_ followed by 16 hex digits (Feishu app id)');

const secret = z.string().min(1, 'must not be empty');

const baseUrl = z
  .url('must be a URL such as https://open.feishu.cn')
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://')
  .refine((value) => !value.endsWith('/'), 'must not end with a slash');

const existingFile = z
  .string()
  .min(1, 'must not be empty')
  .refine((path) => existsSync(path) && statSync(path).isFile(), 'file not found');

/**
 * The environment, validated once at start. Nothing else in the code reads `process.env`.
 */
export const envSchema = z.object({
  /** `production` hides stack traces and refuses the sandbox; `development` pretty-prints logs. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Feishu app id from the developer console, `cli_` + 16 hex digits. */
  FEISHU_APP_ID: appId,
  /** Feishu app secret. Never logged. */
  FEISHU_APP_SECRET: secret,
  /** Verification token of the event subscription; compared with `header.token`. */
  FEISHU_VERIFICATION_TOKEN: secret,
  /** Encrypt key of the event subscription; decrypts bodies and checks signatures. */
  FEISHU_ENCRYPT_KEY: secret,
  /** Open API base URL without a trailing slash: Feishu, Lark or a local fake. */
  FEISHU_BASE_URL: baseUrl.default('https://open.feishu.cn'),
  /** `webhook`: Feishu posts to /feishu/events. `ws`: the SDK's long connection. */
  FEISHU_EVENT_MODE: z.enum(['webhook', 'ws']).default('webhook'),
  /** MongoDB connection string, database name included. */
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must start with mongodb:// or mongodb+srv://'),
  /** Redis connection string for BullMQ and the event deduplication keys. */
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, 'must start with redis:// or rediss://'),
  /** HTTP port of the web role (0: any free port). Default 3000. */
  PORT: z.coerce
    .number({ error: portProblem })
    .int(portProblem)
    .min(0, portProblem)
    .max(65535, portProblem)
    .default(3000),
  /** Public URL of this service (links in cards: printable notices, reports). No trailing slash. */
  PUBLIC_BASE_URL: baseUrl.optional(),
  /** YAML file of enterprises, people, roles and chats. */
  DIRECTORY_FILE: existingFile,
  /** YAML file of the office's rules: levels, day counting, reminders, scoring. */
  POLICY_FILE: existingFile,
  /** Bearer token of the operations pages (queues, report downloads); at least 16 characters. */
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  /** pino level. Default `info`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Prefix of every Redis key and BullMQ queue, so several deployments can share a Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ or -, at most 32')
    .default('dbzs'),
  /** Which processes to run: `web` (HTTP, events), `worker` (queues) or `all`. */
  APP_ROLE: z.enum(['web', 'worker', 'all']).default('all'),
});

export type Env = z.infer<typeof envSchema>;
export type AppRole = Env['APP_ROLE'];

/** Names whose values are secrets: kept out of every log line. */
export const secretSettings = [
  'FEISHU_APP_SECRET',
  'FEISHU_VERIFICATION_TOKEN',
  'FEISHU_ENCRYPT_KEY',
  'ADMIN_TOKEN',
] as const;

/**
 * Validates the environment. Throws a ConfigError naming the first bad setting.
 * An empty string counts as set (so `FEISHU_APP_ID= npm start` is refused, not defaulted).
 */
export function loadEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const setting = String(issue?.path[0] ?? 'environment');
  const missing = source[setting] === undefined;
  throw new ConfigError(setting, missing ? 'is required but not set' : (issue?.message ?? 'bad'));
}

/** The environment with secrets masked, for the start-up log line. */
export function redactEnv(env: Env): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...env };
  for (const name of secretSettings) shown[name] = '[redacted]';
  shown.MONGODB_URI = redactUrlPassword(env.MONGODB_URI);
  shown.REDIS_URL = redactUrlPassword(env.REDIS_URL);

  return shown;
}

function redactUrlPassword(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:[redacted]@');
}
