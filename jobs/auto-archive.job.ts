/**
 * Automatic 归档, once a day at 03:00 Asia/Shanghai on a BullMQ job scheduler (one however
 * many workers start it). Each run archives through performAction, so a run that overlaps
 * another, or a retry, archives nothing twice.
 */
import { autoArchive } from '../src/app/archive/auto-archive.js';
import type { RuntimeContext } from '../src/runtime.js';

export const autoArchiveQueue = 'auto-archive';
export const autoArchiveScheduler = 'daily-auto-archive';
/** 03:00 every day: nobody is at work, and the day's completions are in. */
export const autoArchivePattern = '0 3 * * *';

/** Upserts the scheduler (removes it when the policy turns automatic archiving off). */
export async function startAutoArchive(context: RuntimeContext): Promise<void> {
  const { queues, clock, policy } = context;
  const queue = queues.queue(autoArchiveQueue);
  if (policy.archive.autoArchiveAfterDays <= 0) {
    await queue.removeJobScheduler(autoArchiveScheduler);
    return;
  }

  await queue.upsertJobScheduler(
    autoArchiveScheduler,
    { pattern: autoArchivePattern, tz: 'Asia/Shanghai' },
    { name: 'archive', data: {} },
  );
  queues.worker(autoArchiveQueue, async () => {
    await autoArchive(context, clock.now());
  });
}
