/**
 * The reminder machinery on a test file's own database and Redis prefix (useServices), with a
 * fixed clock the test moves: the scheduler, and on demand the real reminder worker sending
 * into the real outbox queue (no outbox worker, so what was "sent" can be read there).
 */
import type { Job, Worker } from 'bullmq';
import { pino } from 'pino';
import { afterEach, beforeAll } from 'vitest';
import { createOutbox, outboxQueueName, type OutboxJobData } from '../../jobs/outbox.job.js';
import {
  createReminderProcessor,
  reminderQueueName,
  type ReminderJobData,
} from '../../jobs/reminder.job.js';
import { fireReminder, type FireOutcome } from '../../jobs/reminder-fire.js';
import { ReminderScheduler } from '../../jobs/reminder-scheduler.js';
import { rescheduleReminders } from '../../src/app/reminder-listener.js';
import { AssignmentEventBus } from '../../src/app/assignment-events.js';
import { FixedClock } from '../../src/clock.js';
import type { Directory } from '../../src/domain/types.js';
import type { Outbound } from '../../src/feishu/outbound.js';
import { calendar } from './lifecycle-actions.js';
import { at, directory, policy } from './fixtures.js';
import { AssignmentModel } from '../../src/store/assignment.model.js';
import { AuditEventModel } from '../../src/store/audit-event.model.js';
import { ItemModel } from '../../src/store/item.model.js';
import { LedgerEntryModel } from '../../src/store/ledger.model.js';
import { ReminderSentModel } from '../../src/store/reminder-sent.model.js';
import { deleteKeys, type TestServices } from './services.js';

export interface ReminderRig {
  clock: FixedClock;
  /** The directory the processor reads; a test may replace it (reset after each test). */
  directory: Directory;
  /** Warnings logged so far, as parsed pino lines (cleared after each test). */
  warnings: Array<Record<string, unknown>>;
  scheduler: ReminderScheduler;
  events: AssignmentEventBus;
  /** Starts a reminder worker (stopped after each test); several may run at once. */
  startWorker(): Worker<ReminderJobData>;
  /** Fires one reminder as its job would, without the queue (to race two at once). */
  fire(target: Pick<ReminderJobData, 'assignmentId' | 'kind' | 'dueAt'>): Promise<FireOutcome>;
  /** Reminder jobs still to run: id → data. */
  pendingJobs(): Promise<Map<string, ReminderJobData>>;
  /** Every message handed to the outbox so far. */
  outboxMessages(): Promise<Outbound[]>;
  /** Empties what reminders read and write: assignments, items, audit, ledger, reminders sent. */
  emptyStore(): Promise<void>;
}

/** Builds the rig once the services are up; the clock starts at 2025-05-21 10:00. */
export function useReminderRig(services: TestServices): ReminderRig {
  const clock = new FixedClock(at('2025-05-21 10:00'));
  const rig = { clock, directory, warnings: [] } as unknown as ReminderRig;
  const logger = pino(
    { level: 'warn' },
    { write: (line: string) => rig.warnings.push(JSON.parse(line) as Record<string, unknown>) },
  );
  let workers: Worker[] = [];

  beforeAll(() => {
    const scheduler = new ReminderScheduler({
      queues: services.queues,
      clock,
      policy,
      calendar,
      logger,
    });
    const events = new AssignmentEventBus(logger);
    events.on('reminders', rescheduleReminders(scheduler));
    const deps = {
      clock,
      policy,
      calendar,
      logger,
      scheduler,
      directory: { current: async () => rig.directory },
      outbox: createOutbox({ queues: services.queues, clock }),
      dispatch: (event: Parameters<AssignmentEventBus['dispatch']>[0]) => events.dispatch(event),
    };
    const processor = createReminderProcessor(deps);

    Object.assign(rig, {
      scheduler,
      events,
      startWorker: () => {
        const worker = services.queues.worker(reminderQueueName, processor, { concurrency: 5 });
        workers.push(worker);
        return worker;
      },
      fire: (target: Pick<ReminderJobData, 'assignmentId' | 'kind' | 'dueAt'>) =>
        fireReminder(target, deps),
      pendingJobs: () => pendingJobs(scheduler),
      outboxMessages: async () => {
        const queue = services.queues.queue<OutboxJobData>(outboxQueueName);
        const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'completed']);
        return jobs.map((job) => job.data.message as Outbound);
      },
      emptyStore,
    });
  });

  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    workers = [];
    rig.directory = directory;
    rig.warnings = [];
    await rig.scheduler.queue.obliterate({ force: true });
    await services.queues.queue(outboxQueueName).obliterate({ force: true });
    await deleteKeys(services.redis, `${services.prefix}:reminder-index:*`);
  });

  return rig;
}

async function pendingJobs(scheduler: ReminderScheduler): Promise<Map<string, ReminderJobData>> {
  const jobs: Job<ReminderJobData>[] = await scheduler.queue.getJobs([
    'waiting',
    'delayed',
    'prioritized',
    'active',
  ]);

  return new Map(jobs.map((job) => [String(job.id), job.data]));
}

/** Through the driver: the ledger model refuses every delete, as entries are never changed. */
async function emptyStore(): Promise<void> {
  const models = [AssignmentModel, AuditEventModel, ItemModel, LedgerEntryModel, ReminderSentModel];
  await Promise.all(models.map((model) => model.collection.deleteMany({})));
}
