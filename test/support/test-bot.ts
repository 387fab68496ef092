/**
 * A whole bot for end-to-end tests: a fake Feishu Open API (src/sandbox/fake-open-api.ts) and a
 * real runtime (role `all` by default: HTTP, Feishu edge, outbox and every worker) on the real
 * MongoDB and Redis, with a database and queue prefix of its own, FEISHU_BASE_URL pointing at
 * the fake. The runtime uses the process-wide mongoose connection: one test bot at a time per
 * test file, and not together with `useServices` in the same file.
 */
import { Redis } from 'ioredis';
import { outboxQueueName, type OutboxSettings } from '../../jobs/outbox.job.js';
import { systemClock, type Clock } from '../../src/clock.js';
import type { AppRole } from '../../src/config/env.js';
import { silentLogger, type Logger } from '../../src/logging/logger.js';
import { startRuntime, type Runtime, type RuntimeContext } from '../../src/runtime.js';
import { startFakeOpenApi, type FakeOpenApi } from '../../src/sandbox/fake-open-api.js';
import { signedRequest, testBotOpenId, type EventEnvelope } from './feishu-events.js';
import { pollUntil } from './poll.js';
import { deleteKeys } from './services.js';
import { dropDatabase, testEnv, testRedisUrl, uniqueName } from './test-env.js';

export interface TestBotOptions {
  /** Settings that override the test environment's (test-env.ts `testEnvSource`). */
  env?: Record<string, string | undefined>;
  /** The runtime's clock (signatures are timed by it too). Default: the system clock. */
  clock?: Clock;
  /** Default `all`. */
  role?: AppRole;
  /** Outbox retries; default 3 attempts, 50 ms doubling to at most 400 ms. */
  outbox?: Partial<OutboxSettings>;
  /** How long a handler may run before Feishu is answered without it, in ms. */
  answerWithinMs?: number;
  /** Default: silent. */
  logger?: Logger;
}

export interface TestBot {
  /** The bot's base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  context: RuntimeContext;
  runtime: Runtime;
  /** The fake Open API: messages sent, calls made, failure injection. */
  fake: FakeOpenApi;
  /**
   * Posts an envelope to POST /feishu/events, encrypted and signed with the bot's keys and
   * timed by its clock (`encrypt: false` sends it plain, still signed).
   */
  postEvent(envelope: EventEnvelope, options?: { encrypt?: boolean }): Promise<Response>;
  /** Resolves when the outbox has nothing waiting, active or delayed. */
  waitForOutbox(timeoutMs?: number): Promise<void>;
  /** Stops the runtime and the fake; removes the database and Redis keys. */
  stop(): Promise<void>;
}

const testOutbox: OutboxSettings = { attempts: 3, baseDelayMs: 50, maxDelayMs: 400 };

/** Starts a fake Open API and a runtime wired to it. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const clock = options.clock ?? systemClock;
  const env = testEnv({ QUEUE_PREFIX: uniqueName('bot'), ...options.env });
  const fake = await startFakeOpenApi({
    appId: env.FEISHU_APP_ID,
    appSecret: env.FEISHU_APP_SECRET,
    botOpenId: testBotOpenId,
    now: () => clock.now(),
  });
  const dbName = uniqueName('bot');
  const runtime = await startRuntime(
    { ...env, FEISHU_BASE_URL: fake.url },
    options.logger ?? silentLogger(),
    {
      role: options.role ?? 'all',
      dbName,
      clock,
      outbox: { ...testOutbox, ...options.outbox },
      answerWithinMs: options.answerWithinMs,
    },
  );
  const url = `http://127.0.0.1:${runtime.port ?? 0}`;
  const { context } = runtime;

  return {
    url,
    context,
    runtime,
    fake,
    postEvent: (envelope, post = {}) => {
      const signed = signedRequest(envelope, {
        encryptKey: env.FEISHU_ENCRYPT_KEY,
        verificationToken: env.FEISHU_VERIFICATION_TOKEN,
        now: clock.now(),
        encrypt: post.encrypt,
      });
      return fetch(`${url}/feishu/events`, { method: 'POST', ...signed });
    },
    waitForOutbox: (timeoutMs = 10_000) => outboxDrained(context, timeoutMs),
    stop: async () => {
      await runtime.stop();
      await fake.stop();
      await dropDatabase(dbName);
      const redis = new Redis(testRedisUrl);
      await deleteKeys(redis, `${env.QUEUE_PREFIX}:*`);
      await redis.quit();
    },
  };
}

async function outboxDrained(context: RuntimeContext, timeoutMs: number): Promise<void> {
  const queue = context.queues.queue(outboxQueueName);
  const pending = async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  };
  await pollUntil(pending, (n) => n === 0, timeoutMs, 25);
}
