import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Router } from 'express';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logging/logger.js';
import { startRuntime } from '../../../src/runtime.js';
import { pollUntil } from '../../support/poll.js';
import { freePort } from '../../support/private-redis.js';
import { spawnBot } from '../../support/spawn-bot.js';
import {
  dropDatabase,
  testEnv,
  testEnvSource,
  mongoUriFor,
  uniqueName,
} from '../../support/test-env.js';

describe('graceful shutdown', () => {
  it('finishes the in-flight request and job before closing, then stops', async () => {
    const slow = Router();
    slow.get('/slow', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      res.json({ finished: true });
    });
    const dbName = uniqueName('shutdown');
    const env = testEnv({ QUEUE_PREFIX: uniqueName('shutdown') });
    const runtime = await startRuntime(env, silentLogger(), {
      role: 'all',
      dbName,
      extraRouters: [{ path: '/test', router: slow }],
    });
    const { queues } = runtime.context;
    let jobFinished = false;
    queues.worker('shutdown-probe', async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      jobFinished = true;
    });
    const job = await queues.queue('shutdown-probe').add('probe', {});
    await pollUntil(
      () => job.getState(),
      (state) => state === 'active',
    );

    const response = fetch(`http://127.0.0.1:${runtime.port}/test/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await mongoose.connection.db?.dropDatabase();
    const stopping = runtime.stop();

    expect(await (await response).json()).toEqual({ finished: true });
    await stopping;
    expect(jobFinished).toBe(true);
    expect(mongoose.connection.readyState).toBe(0);
    await expect(fetch(`http://127.0.0.1:${runtime.port}/healthz`)).rejects.toThrow();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'exits 0 within 10 s of %s when run as a process',
    async (signal) => {
      const port = await freePort();
      const dbName = uniqueName('proc');
      const bot = spawnBot(
        testEnvSource({
          PORT: String(port),
          MONGODB_URI: mongoUriFor(dbName),
          QUEUE_PREFIX: uniqueName('proc'),
        }),
      );
      await pollUntil(
        () =>
          fetch(`http://127.0.0.1:${port}/readyz`).then(
            (r) => r.status,
            () => 0,
          ),
        (status) => status === 200,
        20_000,
        100,
      );

      const signalled = Date.now();
      bot.child.kill(signal);

      expect(await bot.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      await dropDatabase(dbName);
    },
  );
});

const badPolicy = join(mkdtempSync(join(tmpdir(), 'policy-')), 'policy.yaml');
writeFileSync(badPolicy, 'deadlines:\n  dayCounting: working\n  levelDayz: {}\n');

describe('start-up with a bad setting', () => {
  it.each([
    [{ FEISHU_APP_ID: '' }, 'FEISHU_APP_ID'],
    [{ REDIS_URL: 'localhost' }, 'REDIS_URL'],
    [{ POLICY_FILE: '/missing/policy.yaml' }, 'POLICY_FILE'],
    [{ POLICY_FILE: badPolicy }, `POLICY_FILE: ${badPolicy}:3`],
  ])('exits 1 with one line naming the variable (%o)', async (overrides, name) => {
    const bot = spawnBot(testEnvSource(overrides));

    expect(await bot.exited).toBe(1);
    const lines = bot.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^configuration error: ${name}: `));
    expect(bot.stdout()).toBe('');
  });
});
