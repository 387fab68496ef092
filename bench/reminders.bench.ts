/**
 * Reminder scheduling, firing and reconciling, run by hand:
 * `npm run bench:reminders [-- reminders lateCount concurrency]`, default 100000 2000 50; a
 * count of 0 skips that part.
 *
 * On a redis-server of its own (so FLUSHALL and memory figures touch nothing else) and a fresh
 * database on the MongoDB-compatible store:
 * 1. Schedule `reminders` reminders (routine notices issued 05-21, 8 reminders each): time and
 *    Redis memory, in bulk (`ReminderScheduler.add`, the reconciler's path) and one assignment
 *    at a time (`sync`, the event listener's path, 16 at once). Baseline: the same payloads as
 *    plain delayed BullMQ jobs with generated ids.
 * 2. FLUSHALL, then reconcile them all back from MongoDB. Baseline: the plain bulk add.
 * 3. `lateCount` reminders due in the same second, fired by the real processor (reload, plan,
 *    claim, outbox, mark sent, re-plan) with `concurrency`: lateness from the due time to the
 *    message reaching the outbox queue, p50/p99. Baseline: plain jobs due in the same second
 *    and a worker that does nothing.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { Queue } from 'bullmq';
import mongoose from 'mongoose';
import { createOutbox, outboxQueueName } from '../jobs/outbox.job.js';
import { reconcileReminders } from '../jobs/reminder-reconciler.js';
import { ReminderScheduler } from '../jobs/reminder-scheduler.js';
import { createReminderProcessor, reminderQueueName } from '../jobs/reminder.job.js';
import { FixedClock, OffsetClock } from '../src/clock.js';
import {
  addWorkingDays,
  createChineseCalendar,
  subtractWorkingDays,
} from '../src/domain/calendar.js';
import { atTime, dayOf } from '../src/domain/dates.js';
import { defaultPolicy, type Policy } from '../src/domain/policy.js';
import { silentLogger } from '../src/logging/logger.js';
import { at, directory } from '../test/support/fixtures.js';
import { percentile } from './open-loop.js';
import { openPrivateStores } from './private-stores.js';
import { addPlain, dueOn, plainLateness, seedAssignments, usedMemory } from './reminders-seed.js';

const [countArg = '100000', lateArg = '2000', concurrencyArg = '50'] = process.argv.slice(2);
const [count, lateCount, concurrency] = [countArg, lateArg, concurrencyArg].map(Number) as [
  number,
  number,
  number,
];
const write = (line = '') => process.stdout.write(`${line}\n`);
const logger = silentLogger();
const calendar = createChineseCalendar({ holidays: [], workdays: [] });
const loadBefore = loadavg();

const { redis, queues, close } = await openPrivateStores('benchReminders');

try {
  await header();
  if (count > 0) await schedulingAndReconcile();
  if (lateCount > 0) await lateness();
} finally {
  await close();
}

async function schedulingAndReconcile(): Promise<void> {
  const clock = new FixedClock(at('2025-05-21 10:00'));
  const scheduler = new ReminderScheduler({
    queues,
    clock,
    policy: defaultPolicy,
    calendar,
    logger,
  });
  const assignments = await seedAssignments(Math.ceil(count / 8));
  const now = clock.now();
  const [jobs, planMs] = await timed(() => scheduler.wanted(assignments, now));
  write(`planned ${jobs.length} reminders for ${assignments.length} notices in ${ms(planMs)}`);

  const plainQueue = new Queue('plain', { connection: redis, prefix: 'plain' });
  const plain = await measure(() => addPlain(plainQueue, jobs, now.getTime()));
  await plainQueue.close();
  const bulk = await measure(() => scheduler.add(jobs, now));
  const perAssignment = await measure(() => inParallel(assignments, 16, (a) => scheduler.sync(a)));
  const held = await scheduler.queue.getJobCountByTypes('delayed');
  await redis.flushall();
  const [report, reconcileMs] = await timed(() => reconcileReminders(scheduler, clock, logger));
  const restored = await scheduler.queue.getJobCountByTypes('delayed');

  write();
  write(
    'schedule                              |    time | Redis memory | bytes/job | ratio to plain',
  );
  row('plain BullMQ addBulk (baseline)', plain, jobs.length, plain);
  row('ReminderScheduler.add (bulk)', bulk, jobs.length, plain);
  row('ReminderScheduler.sync (16 at a time)', perAssignment, jobs.length, plain);
  write();
  write(
    `after FLUSHALL: reconciled ${report.created} of ${held} jobs from MongoDB in ${ms(reconcileMs)} ` +
      `(${(reconcileMs / plain.ms).toFixed(2)}× the plain bulk add); ${restored} delayed jobs back`,
  );
  await redis.flushall();
}

async function lateness(): Promise<void> {
  const { clock, policy, scheduler, dueRealMs } = await scheduleDueAtOnce();
  const outbox = createOutbox({ queues, clock });
  const current = async () => directory;
  const deps = { clock, policy, calendar, logger, scheduler, outbox, directory: { current } };
  const worker = queues.worker(reminderQueueName, createReminderProcessor(deps), { concurrency });
  const outboxQueue = queues.queue(outboxQueueName);
  while ((await outboxQueue.getJobCountByTypes('waiting')) < lateCount) await pause(100);
  await worker.close();

  const late = (await outboxQueue.getJobs(['waiting'], 0, -1))
    .map((job) => job.timestamp - dueRealMs)
    .sort((a, b) => a - b);
  const plain = await plainLateness(redis, 'plain', lateCount, concurrency);
  const ours = { p50: percentile(late, 0.5), p99: percentile(late, 0.99) };
  const times = (a: number, b: number) => `${(a / Math.max(1, b)).toFixed(1)}×`;
  write();
  write(
    `${lateCount} reminders due in the same second, one worker process, concurrency ${concurrency}:`,
  );
  write(`  plain BullMQ, no-op processor (baseline): p50 ${ms(plain.p50)}, p99 ${ms(plain.p99)}`);
  write(
    `  reminder processor to the outbox:          p50 ${ms(ours.p50)}, p99 ${ms(ours.p99)} ` +
      `(${times(ours.p50, plain.p50)} / ${times(ours.p99, plain.p99)} the baseline)`,
  );
}

/**
 * `lateCount` acknowledged notices due on the next working day, each with its D reminder at
 * 09:00, scheduled on a clock that reads 08:59:50 that day and runs on in real time.
 */
async function scheduleDueAtOnce() {
  const day = addWorkingDays(dayOf(new Date()), 1, calendar);
  const policy: Policy = {
    ...defaultPolicy,
    reminders: {
      ...defaultPolicy.reminders,
      beforeDeadline: { ...defaultPolicy.reminders.beforeDeadline, routine: [0] },
    },
    escalation: [{ step: 'liaison', urgent: [] }],
  };
  const issuedAt = atTime(subtractWorkingDays(day, 5, calendar), '10:00');
  const assignments = await seedAssignments(lateCount, { ...dueOn(day), issuedAt }, 900_001);

  const clock = new OffsetClock();
  clock.advance(atTime(day, '09:00').getTime() - 10_000 - Date.now());
  const scheduler = new ReminderScheduler({ queues, clock, policy, calendar, logger });
  const planned = await scheduler.wanted(assignments, clock.now());
  const dueAtOnce = planned.filter((job) => job.kind === 'beforeDeadline');
  // Each batch's delay from the clock when it is added, so every job is due at the same instant.
  for (let start = 0; start < dueAtOnce.length; start += 1_000) {
    await scheduler.add(dueAtOnce.slice(start, start + 1_000), clock.now());
  }

  return { clock, policy, scheduler, dueRealMs: atTime(day, '09:00').getTime() - clock.offset };
}

interface Measured {
  ms: number;
  bytes: number;
}

/** Runs `work` on an empty Redis: time taken and Redis memory added. */
async function measure(work: () => Promise<unknown>): Promise<Measured> {
  await redis.flushall();
  const before = await usedMemory(redis);
  const [, elapsed] = await timed(work);

  return { ms: elapsed, bytes: (await usedMemory(redis)) - before };
}

function row(label: string, m: Measured, jobs: number, baseline: Measured): void {
  const ratio = `${(m.ms / baseline.ms).toFixed(2)}× time, ${(m.bytes / baseline.bytes).toFixed(2)}× memory`;
  write(
    `${label.padEnd(37)} | ${ms(m.ms).padStart(7)} | ${`${(m.bytes / 2 ** 20).toFixed(1)} MiB`.padStart(12)} | ` +
      `${String(Math.round(m.bytes / jobs)).padStart(9)} | ${ratio}`,
  );
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();

  return [result, performance.now() - started];
}

async function inParallel<T>(
  items: T[],
  width: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

async function header(): Promise<void> {
  const info = await mongoose.connection.db?.admin().buildInfo();
  const store = info?.ferretdbVersion
    ? `FerretDB ${String(info.ferretdbVersion)}`
    : `MongoDB ${String(info?.version)}`;
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1];
  write(
    `reminder benchmark: ${count} reminders, ${lateCount} due at once; ${cpus().length}× ${cpus()[0]?.model}`,
  );
  write(
    `${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${store}; Redis ${redisVersion}`,
  );
  write(`load average before the run: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  write();
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function pause(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}
