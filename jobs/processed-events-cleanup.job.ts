import type { RuntimeContext } from '../src/runtime.js';
import { deleteSettledBefore } from '../src/store/outbox-message.repo.js';
import { deleteProcessedBefore } from '../src/store/processed-event.repo.js';
import { declareSchedule, type JobSchedule } from './job-schedule.js';

/**
 * Deletes old rows of `processed_events` and settled rows of `outbox_messages` (the store has
 * no TTL indexes).
 */
export const processedEventsCleanupQueue = 'processed-events-cleanup';

/**
 * How long a delivery key is kept in MongoDB, in ms: 3 days, far past Feishu's redelivery
 * window (about 7 hours), so a late redelivery still finds its key.
 */
export const processedEventsRetentionMs = 3 * 24 * 3_600_000;

/**
 * How long a delivered or dead-lettered outbox record is kept, in ms: 2 days. While kept, the
 * same message enqueued again is not sent again (Feishu's own uuid check lasts an hour), and
 * whatever enqueues a message again (a retried reminder, the event sweep) does so within hours.
 * Short, because FerretDB reads the whole collection for each update by `_id`.
 */
export const settledOutboxRetentionMs = 2 * 24 * 3_600_000;

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
    const now = clock.now().getTime();
    const deleted = await deleteProcessedBefore(new Date(now - processedEventsRetentionMs));
    const settled = await deleteSettledBefore(new Date(now - settledOutboxRetentionMs));
    logger.debug({ deleted, settled }, 'old delivery keys and outbox records deleted');
  });
  return schedule;
}
