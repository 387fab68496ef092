/**
 * Starts the reminder processes of a worker: the processor of reminder jobs and the reconciler.
 * Several worker processes may run them at once: a reminder is claimed in MongoDB before it
 * is sent, so whichever process fires it, it goes out once.
 */
import type { Worker } from 'bullmq';
import type { RuntimeContext } from '../src/runtime.js';
import type { JobSchedule } from './job-schedule.js';
import { startReminderReconcile } from './reminder-reconcile.job.js';
import {
  createReminderProcessor,
  reminderQueueName,
  type ReminderJobData,
} from './reminder.job.js';
import { ReminderScheduler } from './reminder-scheduler.js';

export interface ReminderWorkerSettings {
  /** Reminder jobs run at once in this process. Default 20. */
  concurrency?: number;
  /**
   * How long a running job stays locked without renewal before another worker may take it
   * over (a process that died mid-job), in ms. Default 30 000 (BullMQ's).
   */
  lockDurationMs?: number;
  /** How often this worker looks for such stalled jobs, in ms. Default 30 000 (BullMQ's). */
  stalledIntervalMs?: number;
  /** How often the reconciler runs, in ms. Default 300 000 (5 minutes). */
  reconcileEveryMs?: number;
}

/** The scheduler features use to plan an assignment's reminders (one per call is fine). */
export function createReminderScheduler(context: RuntimeContext): ReminderScheduler {
  const { queues, clock, policy, calendar } = context;

  return new ReminderScheduler({ queues, clock, policy, calendar, logger: context.logger });
}

export interface ReminderWorkers {
  scheduler: ReminderScheduler;
  /** The reminder jobs' worker; closed with the queue factory, or earlier by a test. */
  worker: Worker<ReminderJobData>;
  /** The reconciler's worker. */
  reconciler: Worker;
  /** The reconciler's repeating schedule, for the scheduler watchdog. */
  reconcileSchedule: JobSchedule;
}

/** Starts the reminder worker and the reconciler (which runs once now). */
export async function startReminderWorkers(
  context: RuntimeContext,
  settings: ReminderWorkerSettings = {},
): Promise<ReminderWorkers> {
  const scheduler = createReminderScheduler(context);
  const logger = context.logger.child({ queue: reminderQueueName });
  const processor = createReminderProcessor({
    ...context,
    scheduler,
    logger,
    dispatch: (event) => context.events.dispatch(event),
  });

  const worker = context.queues.worker<ReminderJobData>(reminderQueueName, processor, {
    concurrency: settings.concurrency ?? 20,
    // BullMQ's own defaults apply when unset (an explicit undefined would override them).
    ...(settings.lockDurationMs ? { lockDuration: settings.lockDurationMs } : {}),
    ...(settings.stalledIntervalMs ? { stalledInterval: settings.stalledIntervalMs } : {}),
  });
  const deps = { ...context, scheduler, logger };
  const reconcile = await startReminderReconcile(deps, settings.reconcileEveryMs);

  return {
    scheduler,
    worker,
    reconciler: reconcile.worker as Worker,
    reconcileSchedule: reconcile.schedule,
  };
}

/**
 * Sends what has come due by the clock now (tests with a fixed clock; the sandbox after moving
 * its clock forward): the BullMQ delays were computed from the clock when the jobs were added.
 */
export function promoteDueReminders(context: RuntimeContext, now: Date): Promise<number> {
  return createReminderScheduler(context).promoteDueReminders(now);
}
