/**
 * The whole bot without a Feishu app: the built-in fake Open API, a runtime (role `all`) wired
 * to it with made-up credentials, the demo directory and an OffsetClock, and the /sandbox page.
 * Each start is a fresh demo: the sandbox's own database and queue prefix are emptied first.
 */
import { createServer } from 'node:net';
import { Router } from 'express';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { OffsetClock } from '../clock.js';
import { loadEnv, type Env } from '../config/env.js';
import type { Logger } from '../logging/logger.js';
import { startRuntime, type Runtime } from '../runtime.js';
import { startFakeOpenApi, type FakeOpenApi } from './fake-open-api.js';
import { browserOrigin, sandboxHost, selfOrigin } from './sandbox-address.js';
import {
  generateCredentials,
  sandboxEnvSource,
  sandboxRefusal,
  type SandboxCredentials,
} from './sandbox-env.js';
import { SandboxService } from './sandbox-service.js';
import { createSandboxRouter } from './sandbox.routes.js';

export interface SandboxOptions {
  /** Settings the developer set (process.env for `npm run dev`); see sandboxEnvSource. */
  source: Record<string, string | undefined>;
  logger: (level: string, pretty: boolean) => Logger;
  /** Default: fresh ones. */
  credentials?: SandboxCredentials;
  /** The sandbox's own database, dropped at start. Default `dubanzhushou_sandbox_<PORT>`. */
  dbName?: string;
  /** The sandbox's own Redis key and queue prefix, cleared at start. Default `sandbox-<PORT>`. */
  queuePrefix?: string;
}

export interface Sandbox {
  /** The page: `http://localhost:<port>/sandbox`. */
  pageUrl: string;
  /**
   * The operations pages with the sandbox's ADMIN_TOKEN:
   * `http://localhost:<port>/admin/?token=…`.
   */
  adminUrl: string;
  /** The address it listens on: 127.0.0.1 unless SANDBOX_HOST says otherwise. */
  host: string;
  runtime: Runtime;
  fake: FakeOpenApi;
  clock: OffsetClock;
  service: SandboxService;
  stop(): Promise<void>;
}

/** Refused (an Error with the reason) in production or beside real Feishu credentials. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const credentials = options.credentials ?? generateCredentials();
  const refusal = sandboxRefusal(options.source, credentials);
  if (refusal) throw new Error(refusal);

  const clock = new OffsetClock();
  const fake = await startFakeOpenApi({
    appId: credentials.appId,
    appSecret: credentials.appSecret,
    now: () => clock.now(),
  });
  try {
    return await startBot(options, { credentials, clock, fake });
  } catch (error) {
    await fake.stop();
    throw error;
  }
}

interface SandboxParts {
  credentials: SandboxCredentials;
  clock: OffsetClock;
  fake: FakeOpenApi;
}

async function startBot(options: SandboxOptions, parts: SandboxParts): Promise<Sandbox> {
  const { credentials, clock, fake } = parts;
  const source = (queuePrefix: string) =>
    sandboxEnvSource(options.source, { credentials, fakeUrl: fake.url, queuePrefix });
  // Named after the port, so sandboxes on different ports never empty each other's stores.
  const port = loadEnv(source('sandbox')).PORT;
  const queuePrefix = options.queuePrefix ?? `sandbox-${port}`;
  const dbName = options.dbName ?? `dubanzhushou_sandbox_${port}`;
  const env = loadEnv(source(queuePrefix));
  const host = sandboxHost(options.source);
  // A second sandbox on a port in use stops here, before it empties the first one's stores.
  await ensurePortFree(port, host);
  await emptyStores(env, dbName, queuePrefix);

  // Routes are added once the runtime exists; until then /sandbox falls through to 404.
  const mount = Router();
  const logger = options.logger(env.LOG_LEVEL, env.NODE_ENV === 'development');
  const extraRouters = [{ path: '/sandbox', router: mount }];
  const settings = { role: 'all' as const, clock, dbName, extraRouters, host };
  const runtime = await startRuntime(env, logger, settings);
  const listening = runtime.port ?? port;
  const eventsUrl = `${selfOrigin(host, listening)}/feishu/events`;
  const service = new SandboxService({ context: runtime.context, ...parts, eventsUrl });
  mount.use(createSandboxRouter(service, env.NODE_ENV === 'production'));
  const origin = browserOrigin(host, listening);

  return {
    pageUrl: `${origin}/sandbox`,
    adminUrl: `${origin}/admin/?token=${encodeURIComponent(env.ADMIN_TOKEN)}`,
    host,
    runtime,
    fake,
    clock,
    service,
    stop: async () => {
      await runtime.stop();
      await fake.stop();
    },
  };
}

/**
 * Rejects with the listen error when the sandbox could not listen there: EADDRINUSE when
 * something already listens on the port, EADDRNOTAVAIL for an address not of this machine.
 */
async function ensurePortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Drops the sandbox's database and deletes its Redis keys: every start is a fresh demo. */
async function emptyStores(env: Env, dbName: string, prefix: string): Promise<void> {
  const mongo = new MongoClient(env.MONGODB_URI, { serverSelectionTimeoutMS: 5_000 });
  try {
    await mongo.db(dbName).dropDatabase();
  } finally {
    await mongo.close();
  }

  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
