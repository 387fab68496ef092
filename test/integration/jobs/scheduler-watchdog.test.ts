/**
 * A Redis that loses everything while the workers run (FLUSHALL, or an empty Redis in its
 * place): the job schedulers and the reminder jobs come back by themselves, without a restart
 * and without anyone calling the reconciler. On a redis-server of this file's own.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reminderQueue } from '../../../jobs/reminder.job.js';
import { startWorkers, type RunningWorkers } from '../../../jobs/workers.js';
import { FixedClock } from '../../../src/clock.js';
import { at } from '../../support/fixtures.js';
import { issueOne } from '../../support/lifecycle-actions.js';
import { pollUntil } from '../../support/poll.js';
import { freePort, PrivateRedis } from '../../support/private-redis.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';

/** Every job scheduler a worker process declares: 「queue id」. */
const allSchedulers = [
  'assignment-events-sweep every-minute',
  'auto-archive daily-auto-archive',
  'issue-maintenance every-ten-minutes',
  'processed-events-cleanup hourly',
  'reminder-reconcile reminder-reconcile',
  'weekly-digest weekly-digest',
];

/** How long a recovery may take on a loaded machine, in ms (the reconnection backs off to 2 s). */
const slow = 20_000;
const clock = new FixedClock(at('2025-05-21 10:00'));
let redisServer: PrivateRedis;
let redis: Redis;
let bot: TestBot | undefined;
let workers: RunningWorkers | undefined;

beforeAll(async () => {
  redisServer = new PrivateRedis(await freePort());
  await redisServer.start();
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
});

afterAll(async () => {
  redis.disconnect();
  await redisServer.stop();
});

beforeEach(async () => {
  // The web role runs no worker: each test starts them with its own watchdog period.
  bot = await startTestBot({ clock, role: 'web', env: { REDIS_URL: redisServer.url } });
  await issueOne('chengtou', clock.now());
});

afterEach(async () => {
  workers?.stop();
  await bot?.stop();
  await redis.flushall();
});

/** The schedulers declared in Redis now, as in `allSchedulers`. */
async function schedulers(): Promise<string[]> {
  const found = await Promise.all(
    allSchedulers.map(async (line) => {
      const [queue, id] = line.split(' ') as [string, string];
      const scheduler = await bot!.context.queues.queue(queue).getJobScheduler(id);
      return scheduler ? line : null;
    }),
  );

  return found.filter((line): line is string => line !== null);
}

/** The reminder jobs waiting to run, by id. */
async function reminderJobs(): Promise<string[]> {
  const queue = reminderQueue(bot!.context.queues);
  const ids = await queue.getRanges(['waiting', 'delayed', 'prioritized'], 0, -1);

  return ids.sort();
}

/** Starts the workers and waits until they have declared everything and planned reminders. */
async function startAndSettle(watchdogEveryMs: number): Promise<string[]> {
  workers = await startWorkers(bot!.context, { schedulerWatchdogEveryMs: watchdogEveryMs });
  await pollUntil(schedulers, (found) => found.length === allSchedulers.length);

  return pollUntil(reminderJobs, (ids) => ids.length > 0);
}

describe('when Redis loses its data while the workers run', () => {
  it('declares every scheduler again and rebuilds the reminder jobs after FLUSHALL', async () => {
    const before = await startAndSettle(100);

    await redis.flushall();

    expect(await pollUntil(schedulers, (s) => s.length === allSchedulers.length, slow)).toEqual(
      allSchedulers,
    );
    expect(await pollUntil(reminderJobs, (ids) => ids.length === before.length, slow)).toEqual(
      before,
    );
  });

  it('checks again as soon as it reconnects to an empty Redis', async () => {
    // A watchdog period far beyond the test: only the reconnection can bring them back.
    const before = await startAndSettle(10 * 60_000);

    await redisServer.stop();
    await redisServer.start();

    expect(await pollUntil(schedulers, (s) => s.length === allSchedulers.length, slow)).toEqual(
      allSchedulers,
    );
    expect(await pollUntil(reminderJobs, (ids) => ids.length === before.length, slow)).toEqual(
      before,
    );
  });
});
