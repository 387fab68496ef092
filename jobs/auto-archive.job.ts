/**
 * Automatic 归档, once a day at 03:00 Asia/Shanghai on a BullMQ job scheduler (one however
 * many workers start it). Each run archives through performAction, so a run that overlaps
 * another, or a retry, archives nothing twice.
 */
import { autoArchive } from '../src/app/archive/auto-archive.js';
import type { RuntimeContext } from '../src/runtime.js';
import { declareSchedule, type JobSchedule } from './job-schedule.js';

export const autoArchiveQueue = 'auto-archive';
export const autoArchiveScheduler = 'daily-auto-archive';
/** 03:00 every day: nobody is at work, and the day's completions are in. */
export const autoArchivePattern = '0 3 * * *';

/**
 * Upserts the scheduler and starts the worker; returns the schedule, or null when the policy
 * turns automatic archiving off (the scheduler is then removed).
 */
export async function startAutoArchive(context: RuntimeContext): Promise<JobSchedule | null> {
  const { queues, clock, policy } = context;
  if (policy.archive.autoArchiveAfterDays <= 0) {
    await queues.queue(autoArchiveQueue).removeJobScheduler(autoArchiveScheduler);
    return null;
  }

  const schedule = await declareSchedule(queues, {
    queue: autoArchiveQueue,
    id: autoArchiveScheduler,
    repeat: { pattern: autoArchivePattern, tz: 'Asia/Shanghai' },
    job: { name: 'archive', data: {} },
  });
  queues.worker(autoArchiveQueue, async () => {
    await autoArchive(context, clock.now());
  });
  return schedule;
}
