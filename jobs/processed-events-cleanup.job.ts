import type { RuntimeContext } from '../src/runtime.js';
import { deleteProcessedBefore } from '../src/store/processed-event.repo.js';
import { declareSchedule, type JobSchedule } from './job-schedule.js';

/** Deletes old rows of `processed_events` (the store has no TTL indexes). */
export const processedEventsCleanupQueue = 'processed-events-cleanup';

/**
 * How long a delivery key is kept in MongoDB, in ms: 3 days, far past Feishu's redelivery
 * window (about 7 hours), so a late redelivery still finds its key.
 */
export const processedEventsRetentionMs = 3 * 24 * 3_600_000;

/** How often the clean-up runs, in ms. */
const everyMs = 3_600_000;

/** Schedules the hourly clean-up (one scheduler however many workers start it) and runs it. */
export async function startProcessedEventsCleanup(context: RuntimeContext): Promise<JobSchedule> {
  const { queues, clock, logger } = context;
  const schedule = await declareSchedule(queues, {
    queue: processedEventsCleanupQueue,
    id: 'hourly',
    repeat: { every: everyMs },
    job: { name: 'cleanup', data: {} },
  });

  queues.worker(processedEventsCleanupQueue, async () => {
    const before = new Date(clock.now().getTime() - processedEventsRetentionMs);
    const deleted = await deleteProcessedBefore(before);
    logger.debug({ deleted }, 'old delivery keys deleted');
  });
  return schedule;
}
