import type { RuntimeContext } from '../src/runtime.js';
import { startAssignmentEventsSweep } from './assignment-events-sweep.job.js';
import { startIssueMaintenance } from './issue-maintenance.job.js';
import { outboxSweepSchedule, startOutboxSweep } from './outbox-sweep.job.js';
import { defaultOutboxSettings, startOutboxWorker, type OutboxSettings } from './outbox.job.js';
import { startProcessedEventsCleanup } from './processed-events-cleanup.job.js';
import { reconcileNow } from './reminder-reconcile.job.js';
import { startReportWorkers } from './report-workers.js';
import { startReminderWorkers, type ReminderWorkerSettings } from './reminder-workers.js';
import { startSchedulerWatchdog } from './scheduler-watchdog.js';

export interface WorkerSettings {
  /** Outbox retry settings (tests shorten the delays). */
  outbox?: OutboxSettings;
  /** Reminder worker settings (tests shorten the stalled-job recovery). */
  reminders?: ReminderWorkerSettings;
  /**
   * How often this process checks that its job schedulers are still in Redis, in ms.
   * Default 30 000 (tests shorten it).
   */
  schedulerWatchdogEveryMs?: number;
}

/** What keeps running beside the queue workers (closed with the queue factory). */
export interface RunningWorkers {
  /** Stops the scheduler watchdog: at shutdown, before the queues close. */
  stop(): void;
}

/**
 * Starts every queue processor of the worker role. The single place where workers start:
 * each feature adds one line here, and a feature that repeats returns its schedule.
 */
export async function startWorkers(
  context: RuntimeContext,
  settings: WorkerSettings = {},
): Promise<RunningWorkers> {
  // The Feishu edge: every outbound call, the redelivery of messages Redis lost, and the
  // clean-up of delivery keys and settled outbox records.
  const outbox = settings.outbox ?? defaultOutboxSettings;
  startOutboxWorker(context, outbox);
  await startOutboxSweep(context, outbox);
  const deliveryKeys = await startProcessedEventsCleanup(context);
  // The assignment event bus: events whose listeners failed are dispatched again.
  const eventSweep = await startAssignmentEventsSweep(context);
  // Reminders and escalation: the reminder jobs and their reconciler.
  const reminders = await startReminderWorkers(context, settings.reminders);
  // Reports: statistics exports, the weekly digest, automatic archiving.
  const reports = await startReportWorkers(context);
  // Issuing: expired previews deleted, interrupted issues finished.
  const issuing = await startIssueMaintenance(context);

  // Redis may lose the schedulers while the process runs: declare them again, then reconcile.
  const schedules = [
    outboxSweepSchedule,
    deliveryKeys,
    eventSweep,
    reminders.reconcileSchedule,
    ...reports,
    issuing,
  ];
  const watchdog = startSchedulerWatchdog(context, schedules, {
    everyMs: settings.schedulerWatchdogEveryMs,
    onRestored: () => reconcileNow(context.queues, 'reconcile-after-loss'),
  });
  return { stop: () => watchdog.stop() };
}
