/**
 * The sandbox's settings: Feishu credentials made up at every start (they only ever meet the
 * built-in fake Open API), the demo directory, the example policy, and the refusal to run
 * where real Feishu credentials or production could be involved.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** The project's root directory (this file is src/sandbox/sandbox-env.ts). */
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Credentials the sandbox makes up; the fake Open API accepts only these. */
export interface SandboxCredentials {
  /** `cli_` + 16 hex digits, as Feishu's app ids look. */
  appId: string;
  appSecret: string;
  verificationToken: string;
  encryptKey: string;
}

/** Fresh random credentials: nothing outside this process knows them. */
export function generateCredentials(): SandboxCredentials {
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');

  return {
    appId: `cli_${hex(8)}`,
    appSecret: hex(16),
    verificationToken: hex(16),
    encryptKey: hex(16),
  };
}

/**
 * Why the sandbox must not start with these settings, or null when it may: never in
 * production, and never beside a FEISHU_APP_ID other than its own (real credentials).
 */
export function sandboxRefusal(
  source: Record<string, string | undefined>,
  credentials: Pick<SandboxCredentials, 'appId'>,
): string | null {
  if (source.NODE_ENV === 'production') {
    return 'NODE_ENV=production: the sandbox is for development only; use npm start';
  }
  const appId = source.FEISHU_APP_ID;
  if (appId !== undefined && appId !== credentials.appId) {
    return 'FEISHU_APP_ID is set (real Feishu credentials?): unset it for the sandbox, or use npm start';
  }

  return null;
}

/** Settings a developer may still choose for the sandbox; every other one is the sandbox's. */
const chosenSettings = [
  'MONGODB_URI',
  'REDIS_URL',
  'PORT',
  'PUBLIC_BASE_URL',
  'DIRECTORY_FILE',
  'POLICY_FILE',
  'ADMIN_TOKEN',
  'LOG_LEVEL',
  'NODE_ENV',
] as const;

/** Where the sandbox's own settings point: the fake's URL and the credentials it accepts. */
export interface SandboxWiring {
  credentials: SandboxCredentials;
  /** The fake Open API's base URL. */
  fakeUrl: string;
  /** The queue and Redis key prefix the sandbox owns (cleared at every start). */
  queuePrefix: string;
}

/**
 * The environment the sandbox's runtime validates with `loadEnv`: development defaults, then
 * the settings a developer set explicitly (they win), then the Feishu wiring, which always
 * points at the fake.
 */
export function sandboxEnvSource(
  source: Record<string, string | undefined>,
  wiring: SandboxWiring,
): Record<string, string | undefined> {
  const defaults = {
    NODE_ENV: 'development',
    MONGODB_URI: 'mongodb://127.0.0.1:27017/dubanzhushou',
    REDIS_URL: 'redis://127.0.0.1:6379',
    PORT: '3000',
    DIRECTORY_FILE: `${projectRoot}config/directory.sandbox.yaml`,
    POLICY_FILE: `${projectRoot}config/policy.example.yaml`,
    ADMIN_TOKEN: randomBytes(16).toString('hex'),
    // Quiet, so the line with the sandbox's URL stays in sight; LOG_LEVEL=info for more.
    LOG_LEVEL: 'warn',
  };
  const chosen = Object.fromEntries(
    chosenSettings.filter((name) => source[name] !== undefined).map((name) => [name, source[name]]),
  );
  const { credentials } = wiring;

  return {
    ...defaults,
    ...chosen,
    FEISHU_APP_ID: credentials.appId,
    FEISHU_APP_SECRET: credentials.appSecret,
    FEISHU_VERIFICATION_TOKEN: credentials.verificationToken,
    FEISHU_ENCRYPT_KEY: credentials.encryptKey,
    FEISHU_BASE_URL: wiring.fakeUrl,
    FEISHU_EVENT_MODE: 'webhook',
    QUEUE_PREFIX: wiring.queuePrefix,
    APP_ROLE: 'all',
  };
}
