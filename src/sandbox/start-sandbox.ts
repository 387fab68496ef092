/**
 * The whole bot without a Feishu app: the built-in fake Open API, a runtime (role `all`) wired
 * to it with made-up credentials, the demo directory and an OffsetClock, and the /sandbox page.
 * Each start is a fresh demo: the sandbox's own database and queue prefix are emptied first.
 */
import { Router } from 'express';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { OffsetClock } from '../clock.js';
import { loadEnv } from '../config/env.js';
import type { Logger } from '../logging/logger.js';
import { startRuntime, type Runtime } from '../runtime.js';
import { startFakeOpenApi, type FakeOpenApi } from './fake-open-api.js';
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
  /** The sandbox's own database, dropped at start. Default `dubanzhushou_sandbox`. */
  dbName?: string;
  /** The sandbox's own Redis key and queue prefix, cleared at start. Default `sandbox`. */
  queuePrefix?: string;
}

export interface Sandbox {
  /** The page: `http://localhost:<port>/sandbox`. */
  pageUrl: string;
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
  const queuePrefix = options.queuePrefix ?? 'sandbox';
  const env = loadEnv(
    sandboxEnvSource(options.source, { credentials, fakeUrl: fake.url, queuePrefix }),
  );
  const logger = options.logger(env.LOG_LEVEL, env.NODE_ENV === 'development');
  const dbName = options.dbName ?? 'dubanzhushou_sandbox';
  await emptyStores(env.MONGODB_URI, dbName, env.REDIS_URL, queuePrefix);

  // Routes are added once the runtime exists; until then /sandbox falls through to 404.
  const mount = Router();
  const runtime = await startRuntime(env, logger, {
    role: 'all',
    clock,
    dbName,
    extraRouters: [{ path: '/sandbox', router: mount }],
  }).catch(async (error: unknown) => {
    await fake.stop();
    throw error;
  });
  const eventsUrl = `http://127.0.0.1:${runtime.port}/feishu/events`;
  const service = new SandboxService({
    context: runtime.context,
    fake,
    clock,
    credentials,
    eventsUrl,
  });
  mount.use(createSandboxRouter(service, env.NODE_ENV === 'production'));

  return {
    pageUrl: `http://localhost:${runtime.port}/sandbox`,
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

/** Drops the sandbox's database and deletes its Redis keys: every start is a fresh demo. */
async function emptyStores(mongoUri: string, dbName: string, redisUrl: string, prefix: string) {
  const mongo = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 5_000 });
  try {
    await mongo.db(dbName).dropDatabase();
  } finally {
    await mongo.close();
  }

  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
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
