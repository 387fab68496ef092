import type { RuntimeContext } from '../src/runtime.js';
import { startAssignmentEventsSweep } from './assignment-events-sweep.job.js';
import { startIssueMaintenance } from './issue-maintenance.job.js';
import { startOutboxSweep } from './outbox-sweep.job.js';
import { defaultOutboxSettings, startOutboxWorker, type OutboxSettings } from './outbox.job.js';
import { startProcessedEventsCleanup } from './processed-events-cleanup.job.js';
import { startReportWorkers } from './report-workers.js';
import { startReminderWorkers, type ReminderWorkerSettings } from './reminder-workers.js';

export interface WorkerSettings {
  /** Outbox retry settings (tests shorten the delays). */
  outbox?: OutboxSettings;
  /** Reminder worker settings (tests shorten the stalled-job recovery). */
  reminders?: ReminderWorkerSettings;
}

/**
 * Starts every queue processor of the worker role. The single place where workers start:
 * each feature adds one line here.
 */
export async function startWorkers(
  context: RuntimeContext,
  settings: WorkerSettings = {},
): Promise<void> {
  // The Feishu edge: every outbound call, the redelivery of messages Redis lost, and the
  // clean-up of delivery keys and settled outbox records.
  const outbox = settings.outbox ?? defaultOutboxSettings;
  startOutboxWorker(context, outbox);
  await startOutboxSweep(context, outbox);
  await startProcessedEventsCleanup(context);
  // The assignment event bus: events whose listeners failed are dispatched again.
  await startAssignmentEventsSweep(context);
  // Reminders and escalation: the reminder jobs and their reconciler.
  await startReminderWorkers(context, settings.reminders);
  // Reports: statistics exports, the weekly digest, automatic archiving.
  await startReportWorkers(context);
  // Issuing: expired previews deleted, interrupted issues finished.
  await startIssueMaintenance(context);
}
