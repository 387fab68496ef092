/**
 * A reminder worker in a process of its own, made to stop dead in the middle of a reminder so
 * a test can kill it there (SIGKILL). Its outbox either stops before queueing anything
 * (`claimed`: the claim is in MongoDB, nothing else) or right after queueing the first message
 * (`enqueued`: not yet marked sent). It prints `ready`, then the mode when it stops.
 * Usage: reminder-crash-worker.ts <mongodb uri> <redis url> <queue prefix> <now ISO> <mode>
 */
import { Redis } from 'ioredis';
import { createOutbox } from '../../jobs/outbox.job.js';
import { createQueueFactory } from '../../jobs/queue-factory.js';
import { ReminderScheduler } from '../../jobs/reminder-scheduler.js';
import { createReminderProcessor, reminderQueueName } from '../../jobs/reminder.job.js';
import { FixedClock } from '../../src/clock.js';
import { loadPolicyFile } from '../../src/config/policy-file.js';
import { createChineseCalendar } from '../../src/domain/calendar.js';
import type { Outbox } from '../../src/feishu/outbound.js';
import { silentLogger } from '../../src/logging/logger.js';
import { DirectoryService } from '../../src/store/directory.service.js';
import { connectMongo } from '../../src/store/mongo.js';
import { testEnvSource } from './test-env.js';

const [mongoUri = '', redisUrl = '', prefix = '', nowIso = '', mode = 'claimed'] =
  process.argv.slice(2);
const logger = silentLogger();
const files = testEnvSource();

await connectMongo(mongoUri, logger);
const queues = createQueueFactory(
  new Redis(redisUrl, { maxRetriesPerRequest: null }),
  prefix,
  logger,
);
const clock = new FixedClock(new Date(nowIso));
const policy = loadPolicyFile(files.POLICY_FILE);
const calendar = createChineseCalendar(policy.calendar);
const real = createOutbox({ queues, clock });
const outbox: Outbox = {
  enqueue: async (message) => {
    if (mode === 'enqueued') await real.enqueue(message);
    process.stdout.write(`${mode}\n`);
    // Stop here for good: the test kills this process now.
    await new Promise<never>(() => undefined);
  },
};

const processor = createReminderProcessor({
  clock,
  policy,
  calendar,
  logger,
  outbox,
  directory: new DirectoryService(files.DIRECTORY_FILE, logger, clock),
  scheduler: new ReminderScheduler({ queues, clock, policy, calendar, logger }),
});
// A short lock, so the job counts as stalled soon after this process dies.
queues.worker(reminderQueueName, processor, { lockDuration: 1_000, stalledInterval: 500 });
process.stdout.write('ready\n');
