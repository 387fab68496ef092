/**
 * The reconciler: MongoDB says which reminders should be waiting, Redis says which are. It
 * creates what is missing (also after Redis lost everything), replaces failed jobs that are
 * still planned, and removes jobs no plan holds any more. Safe to run in several processes
 * at once: adding and removing by job id are idempotent.
 */
import type { Clock } from '../src/clock.js';
import { owingStates } from '../src/domain/reminder-series.js';
import type { Logger } from '../src/logging/logger.js';
import { AssignmentModel, fromStored } from '../src/store/assignment.model.js';
import { reminderJobId, type ReminderJobData } from './reminder.job.js';
import type { ReminderScheduler } from './reminder-scheduler.js';

/** Assignments planned per round trip to MongoDB. */
const batchSize = 500;

/** Jobs that are still to run (everything but completed and failed). */
const pendingStates = ['waiting', 'delayed', 'prioritized', 'active', 'waiting-children'] as const;

export interface ReconcileReport {
  /** Reminders MongoDB says should be waiting. */
  wanted: number;
  /** Reminder jobs Redis held when the run began. */
  held: number;
  created: number;
  /** Failed jobs of reminders still planned, replaced by fresh ones. */
  replaced: number;
  removed: number;
  /** Stopped by a shutdown before it finished: nothing was removed. */
  interrupted: boolean;
}

/**
 * One reconciliation; see the file comment. `signal` (a shutdown) stops it between batches;
 * it then removes nothing, since what it read of MongoDB is incomplete.
 */
export async function reconcileReminders(
  scheduler: ReminderScheduler,
  clock: Clock,
  logger: Logger,
  signal?: AbortSignal,
): Promise<ReconcileReport> {
  // Redis first: a job some event adds while MongoDB is read is then never taken for an orphan.
  const held = new Set(await scheduler.queue.getRanges([...pendingStates], 0, -1));
  const failed = new Set(await scheduler.queue.getRanges(['failed'], 0, -1));

  const now = clock.now();
  const wanted = await wantedReminders(scheduler, now, signal);
  const missing = [...wanted.values()].filter((job) => !held.has(reminderJobId(job)));
  const failedIds = missing.map(reminderJobId).filter((id) => failed.has(id));
  for (const id of failedIds) await scheduler.queue.remove(id);
  for (let start = 0; start < missing.length && !signal?.aborted; start += batchSize) {
    await scheduler.add(missing.slice(start, start + batchSize), now);
  }

  const interrupted = signal?.aborted ?? false;
  const orphans = interrupted ? [] : [...held].filter((id) => !wanted.has(id));
  const removed = await scheduler.remove(orphans);
  const report = {
    wanted: wanted.size,
    held: held.size,
    created: missing.length,
    replaced: failedIds.length,
    removed,
    interrupted,
  };
  const changed = report.created + report.removed > 0 || interrupted;
  logger[changed ? 'info' : 'debug'](report, 'reminders reconciled');
  return report;
}

/**
 * Every open assignment's unsent planned reminders, by job id.
 *
 * Limitation: assignments are read as stored, without first finishing a transition that was
 * recorded but not yet written (loadAssignment does that), so a run that meets one mid-change
 * schedules for the previous version until the next run. Nothing wrong is sent: the processor
 * reloads and plans again when a job fires.
 */
async function wantedReminders(
  scheduler: ReminderScheduler,
  now: Date,
  signal: AbortSignal | undefined,
): Promise<Map<string, ReminderJobData>> {
  const wanted = new Map<string, ReminderJobData>();
  const cursor = AssignmentModel.find({ state: { $in: owingStates } })
    .lean()
    .batchSize(batchSize)
    .cursor();

  let batch = [];
  for await (const doc of cursor) {
    if (signal?.aborted) break;
    batch.push(fromStored(doc as Parameters<typeof fromStored>[0]));
    if (batch.length < batchSize) continue;
    for (const job of await scheduler.wanted(batch, now)) wanted.set(reminderJobId(job), job);
    batch = [];
  }
  for (const job of await scheduler.wanted(batch, now)) wanted.set(reminderJobId(job), job);

  return wanted;
}
