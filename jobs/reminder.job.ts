/**
 * The reminder job: one delayed job per planned reminder, carrying only what identifies it
 * (assignment id, kind, due time). When it fires, `fireReminder` reloads the assignment and
 * plans again; a reminder the plan no longer holds does nothing.
 */
import { DelayedError, type DefaultJobOptions, type Job, type Processor, type Queue } from 'bullmq';
import type { Clock } from '../src/clock.js';
import type { WorkingCalendar } from '../src/domain/calendar.js';
import { nextWorkingMoment } from '../src/domain/deadlines.js';
import type { Policy } from '../src/domain/policy.js';
import { isPush, reminderKey, type ReminderKind } from '../src/domain/reminder-plan.js';
import type { Logger } from '../src/logging/logger.js';
import type { QueueFactory } from './queue-factory.js';
import { fireReminder, type FireDeps } from './reminder-fire.js';

export const reminderQueueName = 'reminders';

export interface ReminderJobData {
  assignmentId: string;
  kind: ReminderKind;
  /** The reminder's due time, epoch ms (clock time, which the sandbox may run ahead). */
  dueAt: number;
  /** Set when a late job met quiet hours: not before this moment, epoch ms (clock time). */
  notBefore?: number;
}

/**
 * Completed jobs are removed at once: `reminders_sent` is the record, and a reminder that
 * became due again after being skipped must be schedulable under the same id. Failed jobs
 * stay a week for diagnosis; the reconciler replaces those still planned.
 */
export const reminderJobOptions: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The job id of a reminder: its key, so scheduling it twice keeps one job. */
export function reminderJobId(data: Pick<ReminderJobData, 'assignmentId' | 'kind' | 'dueAt'>) {
  return reminderKey(data.assignmentId, data.kind, new Date(data.dueAt));
}

export function reminderQueue(queues: QueueFactory): Queue<ReminderJobData> {
  return queues.queue<ReminderJobData>(reminderQueueName, reminderJobOptions);
}

export interface ReminderProcessorDeps extends FireDeps {
  clock: Clock;
  policy: Policy;
  calendar: WorkingCalendar;
  logger: Logger;
}

/**
 * The processor. A job that fires before its time (another process's clock) or, late, in
 * quiet hours is put back to wait; otherwise the reminder is fired.
 */
export function createReminderProcessor(deps: ReminderProcessorDeps): Processor<ReminderJobData> {
  return async (job, token) => {
    const log = deps.logger.child({ jobId: job.id, assignmentId: job.data.assignmentId });
    const now = deps.clock.now();

    const waitUntil = notYet(job.data, now, deps);
    if (waitUntil) {
      await putBack(job, token, waitUntil, now);
      log.debug({ kind: job.data.kind, until: waitUntil }, 'reminder put back to wait');
      throw new DelayedError();
    }

    const outcome = await fireReminder(job.data, { ...deps, logger: log });
    log.debug({ kind: job.data.kind, outcome }, 'reminder job done');
    return outcome;
  };
}

/** When the job should run instead of now, if not now. */
function notYet(data: ReminderJobData, now: Date, deps: ReminderProcessorDeps): Date | null {
  const earliest = Math.max(data.dueAt, data.notBefore ?? 0);
  if (earliest > now.getTime()) return new Date(earliest);
  if (!isPush(data.kind)) return null;

  // A job running late (a backlog, a process that was down) may have drifted out of hours.
  const allowed = nextWorkingMoment(now, deps.policy, deps.calendar);
  return allowed.getTime() > now.getTime() ? allowed : null;
}

async function putBack(
  job: Job<ReminderJobData>,
  token: string | undefined,
  until: Date,
  now: Date,
): Promise<void> {
  await job.updateData({ ...job.data, notBefore: until.getTime() });
  await job.moveToDelayed(Date.now() + (until.getTime() - now.getTime()), token);
}
