/**
 * The reconciler against a Redis of this file's own (a private redis-server): it may be wiped
 * with FLUSHALL without touching the shared Redis other test files are using.
 */
import { UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createQueueFactory, type QueueFactory } from '../../../jobs/queue-factory.js';
import { reconcileReminders } from '../../../jobs/reminder-reconciler.js';
import { ReminderScheduler } from '../../../jobs/reminder-scheduler.js';
import { reminderQueueName, type ReminderJobData } from '../../../jobs/reminder.job.js';
import { FixedClock } from '../../../src/clock.js';
import { reminderKey } from '../../../src/domain/reminder-plan.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { AssignmentModel } from '../../../src/store/assignment.model.js';
import { AuditEventModel } from '../../../src/store/audit-event.model.js';
import { ItemModel } from '../../../src/store/item.model.js';
import { loadAssignment } from '../../../src/store/assignment.repo.js';
import { claimReminder, markReminderSent } from '../../../src/store/reminder-sent.repo.js';
import { ReminderSentModel } from '../../../src/store/reminder-sent.model.js';
import { at, people, policy } from '../../support/fixtures.js';
import { act, bringToReview, calendar, issueOne } from '../../support/lifecycle-actions.js';
import { pollUntil } from '../../support/poll.js';
import { freePort, PrivateRedis } from '../../support/private-redis.js';
import { useServices } from '../../support/services.js';

useServices('reminderReconcile');
const logger = silentLogger();
const clock = new FixedClock(at('2025-05-26 10:00'));
let redisServer: PrivateRedis;
let redis: Redis;
let queues: QueueFactory;
let scheduler: ReminderScheduler;

beforeAll(async () => {
  redisServer = new PrivateRedis(await freePort());
  await redisServer.start();
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  queues = createQueueFactory(redis, 'rec', logger);
  scheduler = new ReminderScheduler({ queues, clock, policy, calendar, logger });
});

afterAll(async () => {
  await queues.close();
  await redis.quit();
  await redisServer.stop();
});

beforeEach(async () => {
  await redis.flushall();
  for (const model of [AssignmentModel, AuditEventModel, ItemModel, ReminderSentModel]) {
    await (model as typeof AssignmentModel).deleteMany({});
  }
});

/** Reminder jobs still to run: job id → data, ids sorted. */
async function pending(): Promise<Array<[string, ReminderJobData]>> {
  const jobs = await scheduler.queue.getJobs(['waiting', 'delayed', 'prioritized', 'active']);

  return jobs
    .map((job): [string, ReminderJobData] => [String(job.id), job.data])
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Three notices issued Wed 05-21, seen on Mon 05-26 10:00: one never acknowledged, one
 * acknowledged whose D−2 reminder (05-26 09:00) was already sent, one under review.
 */
async function seedThree(): Promise<{ ignored: string; reminded: string; delivered: string }> {
  const issuedAt = at('2025-05-21 10:00');
  const ignored = await issueOne('chengtou', issuedAt);
  const reminded = await issueOne('chengtou', issuedAt);
  const delivered = await issueOne('wenlv', issuedAt);
  await act(reminded, 'acknowledge', people.liaison, {}, at('2025-05-21 11:00'));
  const d2 = {
    assignmentId: reminded,
    kind: 'beforeDeadline' as const,
    dueAt: at('2025-05-26 09:00'),
  };
  const key = reminderKey(d2.assignmentId, d2.kind, d2.dueAt);
  await claimReminder({ key, ...d2 }, d2.dueAt);
  await markReminderSent(key, d2.dueAt, 1);
  await bringToReview(delivered, '2025-05-23', {
    team: { liaison: people.otherLiaison, head: people.otherHead },
  });

  for (const id of [ignored, reminded, delivered]) {
    await scheduler.sync((await loadAssignment(id))!);
  }
  return { ignored, reminded, delivered };
}

describe('reconcileReminders', () => {
  it('restores exactly the same jobs after FLUSHALL', async () => {
    await seedThree();
    const before = await pending();

    await redis.flushall();
    expect(await pending()).toEqual([]);
    const report = await reconcileReminders(scheduler, clock, logger);

    expect(report).toMatchObject({ created: before.length, removed: 0, held: 0 });
    expect(await pending()).toEqual(before);
  });

  it('does not schedule a reminder already sent, nor any for a notice under review', async () => {
    await seedThree();
    await redis.flushall();
    await reconcileReminders(scheduler, clock, logger);
    const kinds = (await pending()).map(
      ([, job]) => `${job.assignmentId} ${job.kind} ${job.dueAt}`,
    );

    expect(kinds.filter((line) => line.includes('2025-2 beforeDeadline'))).toEqual([
      `2025-2 beforeDeadline ${at('2025-05-27 09:00').getTime()}`,
      `2025-2 beforeDeadline ${at('2025-05-28 09:00').getTime()}`,
    ]);
    expect(kinds.filter((line) => line.startsWith('2025-3 '))).toEqual([]);
  });

  it('rebuilds each assignment’s job set, so a later change still moves its jobs', async () => {
    await seedThree();
    await redis.flushall();
    await reconcileReminders(scheduler, clock, logger);
    const { event, assignment } = await act(
      '2025-1',
      'withdraw',
      people.supervisor,
      { reason: '重复' },
      clock.now(),
    );
    expect(event.action).toBe('withdraw');
    await scheduler.sync(assignment);

    expect((await pending()).filter(([, job]) => job.assignmentId === '2025-1')).toEqual([]);
  });

  it('removes a job no plan holds (an orphan) and leaves a run with nothing to do quiet', async () => {
    const { ignored } = await seedThree();
    const stale = {
      assignmentId: ignored,
      kind: 'beforeDeadline' as const,
      dueAt: at('2025-06-30 09:00').getTime(),
    };
    await scheduler.add([stale], clock.now());

    const first = await reconcileReminders(scheduler, clock, logger);
    const second = await reconcileReminders(scheduler, clock, logger);

    expect(first).toMatchObject({ created: 0, removed: 1 });
    expect(second).toMatchObject({ created: 0, removed: 0 });
    expect((await pending()).map(([id]) => id)).not.toContain(
      reminderKey(ignored, 'beforeDeadline', at('2025-06-30 09:00')),
    );
  });

  it('stops at a shutdown without removing anything, since it read MongoDB only in part', async () => {
    const { ignored } = await seedThree();
    const stale = {
      assignmentId: ignored,
      kind: 'beforeDeadline' as const,
      dueAt: at('2025-06-30 09:00').getTime(),
    };
    await scheduler.add([stale], clock.now());
    const shutdown = new AbortController();
    shutdown.abort();

    const report = await reconcileReminders(scheduler, clock, logger, shutdown.signal);

    expect(report).toMatchObject({ interrupted: true, removed: 0 });
    expect((await pending()).map(([id]) => id)).toContain(
      reminderKey(ignored, 'beforeDeadline', at('2025-06-30 09:00')),
    );
  });

  it('replaces the failed job of a reminder still planned', async () => {
    const id = await issueOne('chengtou', at('2025-05-21 10:00'));
    clock.set(at('2025-05-21 12:00'));
    await scheduler.sync((await loadAssignment(id))!);
    const chase = reminderKey(id, 'ackChase', at('2025-05-21 12:00'));
    const failing = queues.worker(reminderQueueName, async () => {
      throw new UnrecoverableError('MongoDB was down');
    });
    await pollUntil(
      () => scheduler.queue.getJobState(chase),
      (state) => state === 'failed',
    );
    await failing.close();

    const report = await reconcileReminders(scheduler, clock, logger);

    expect(report.replaced).toBe(1);
    expect(await scheduler.queue.getJobState(chase)).toBe('waiting');
    clock.set(at('2025-05-26 10:00'));
  });
});
