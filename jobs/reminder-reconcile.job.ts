/**
 * The reconcile job: a BullMQ job scheduler runs the reminder reconciler every few minutes
 * (once across all processes), each worker process runs it once at start, and the scheduler
 * watchdog runs it at once when Redis has lost its data (scheduler-watchdog.ts).
 */
import type { Queue, Worker } from 'bullmq';
import type { Clock } from '../src/clock.js';
import type { Logger } from '../src/logging/logger.js';
import { declareSchedule, type JobSchedule } from './job-schedule.js';
import type { QueueFactory } from './queue-factory.js';
import { reconcileReminders, type ReconcileReport } from './reminder-reconciler.js';
import type { ReminderScheduler } from './reminder-scheduler.js';

export const reminderReconcileQueueName = 'reminder-reconcile';
export const reminderReconcileSchedulerId = 'reminder-reconcile';

/** No payload: the job reads MongoDB and Redis afresh. */
export type ReminderReconcileJobData = Record<string, never>;

/** How often the reconciler runs by default: 5 minutes. */
export const defaultReconcileEveryMs = 5 * 60_000;

export interface ReconcileJobDeps {
  queues: QueueFactory;
  scheduler: ReminderScheduler;
  clock: Clock;
  logger: Logger;
}

export interface ReminderReconcile {
  /** The reconciler's worker (closed with the queue factory). */
  worker: Worker<ReminderReconcileJobData, ReconcileReport>;
  /** Its repeating schedule, for the scheduler watchdog. */
  schedule: JobSchedule;
}

/** The reconcile queue, with its job options (the same instance wherever asked for). */
function reconcileQueue(queues: QueueFactory): Queue<ReminderReconcileJobData> {
  return queues.queue(reminderReconcileQueueName, {
    attempts: 3,
    removeOnComplete: { count: 50 },
    removeOnFail: { count: 50 },
  });
}

/** Queues one reconciliation now, in whichever worker process takes it. */
export async function reconcileNow(queues: QueueFactory, reason: string): Promise<void> {
  await reconcileQueue(queues).add(reason, {});
}

/**
 * Starts the reconcile worker, (re)declares the repeating schedule, and queues one run now.
 */
export async function startReminderReconcile(
  deps: ReconcileJobDeps,
  everyMs = defaultReconcileEveryMs,
): Promise<ReminderReconcile> {
  // First, so the queue is made with its own job options.
  reconcileQueue(deps.queues);
  // A shutdown stops a long run between batches rather than waiting for it to finish.
  const shutdown = new AbortController();
  const worker = deps.queues.worker<ReminderReconcileJobData>(
    reminderReconcileQueueName,
    () => reconcileReminders(deps.scheduler, deps.clock, deps.logger, shutdown.signal),
    // One run at a time per process; runs in other processes are harmless, only wasted work.
    { concurrency: 1 },
  );
  worker.on('closing', () => shutdown.abort());

  const schedule = await declareSchedule(deps.queues, {
    queue: reminderReconcileQueueName,
    id: reminderReconcileSchedulerId,
    repeat: { every: everyMs },
    job: { name: 'reconcile', data: {} },
  });
  await reconcileNow(deps.queues, 'reconcile-at-start');
  return { worker: worker as ReminderReconcile['worker'], schedule };
}
