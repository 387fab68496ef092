/**
 * The reconcile job: a BullMQ job scheduler runs the reminder reconciler every few minutes
 * (once across all processes), and each worker process runs it once at start, so a Redis that
 * lost its data gets every reminder back within one period or one restart.
 */
import type { Queue, Worker } from 'bullmq';
import type { Clock } from '../src/clock.js';
import type { Logger } from '../src/logging/logger.js';
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

/**
 * Starts the reconcile worker, (re)declares the repeating schedule, and queues one run now.
 * Returns the worker (closed with the queue factory).
 */
export async function startReminderReconcile(
  deps: ReconcileJobDeps,
  everyMs = defaultReconcileEveryMs,
): Promise<Worker<ReminderReconcileJobData, ReconcileReport>> {
  const queue: Queue<ReminderReconcileJobData> = deps.queues.queue(reminderReconcileQueueName, {
    attempts: 3,
    removeOnComplete: { count: 50 },
    removeOnFail: { count: 50 },
  });
  // A shutdown stops a long run between batches rather than waiting for it to finish.
  const shutdown = new AbortController();
  const worker = deps.queues.worker<ReminderReconcileJobData>(
    reminderReconcileQueueName,
    () => reconcileReminders(deps.scheduler, deps.clock, deps.logger, shutdown.signal),
    // One run at a time per process; runs in other processes are harmless, only wasted work.
    { concurrency: 1 },
  );
  worker.on('closing', () => shutdown.abort());

  await queue.upsertJobScheduler(
    reminderReconcileSchedulerId,
    { every: everyMs },
    { name: 'reconcile', data: {} },
  );
  await queue.add('reconcile-at-start', {});
  return worker as Worker<ReminderReconcileJobData, ReconcileReport>;
}
