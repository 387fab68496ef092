/**
 * The outbox sweep: a BullMQ job scheduler runs the redelivery of lost outbox messages
 * (jobs/outbox-redeliver.ts) every few minutes (once across all processes), and each worker
 * process runs it once at start, so messages a lost Redis held are sent within one period.
 */
import type { Queue, Worker } from 'bullmq';
import type { RuntimeContext } from '../src/runtime.js';
import { redeliverLost, type RedeliveryReport } from './outbox-redeliver.js';
import type { OutboxSettings } from './outbox.job.js';
import { declareSchedule, type JobSchedule } from './job-schedule.js';
import type { QueueFactory } from './queue-factory.js';

export const outboxSweepQueueName = 'outbox-sweep';
export const outboxSweepSchedulerId = 'outbox-sweep';

/** How often the sweep runs, in ms: 3 minutes. */
export const outboxSweepEveryMs = 3 * 60_000;

/** No payload: the job reads MongoDB and Redis afresh. */
export type OutboxSweepJobData = Record<string, never>;

function sweepQueue(queues: QueueFactory): Queue<OutboxSweepJobData> {
  return queues.queue<OutboxSweepJobData>(outboxSweepQueueName, {
    attempts: 3,
    removeOnComplete: { count: 50 },
    removeOnFail: { count: 50 },
  });
}

/** The repeating schedule: one scheduler however many processes declare it. */
export const outboxSweepSchedule: JobSchedule = {
  queue: outboxSweepQueueName,
  id: outboxSweepSchedulerId,
  repeat: { every: outboxSweepEveryMs },
  job: { name: 'sweep', data: {} },
};

/** Starts the sweep's worker, declares its schedule and queues one run now. */
export async function startOutboxSweep(
  context: RuntimeContext,
  settings: OutboxSettings,
): Promise<Worker<OutboxSweepJobData, RedeliveryReport>> {
  const queue = sweepQueue(context.queues);
  const worker = context.queues.worker<OutboxSweepJobData>(
    outboxSweepQueueName,
    () => redeliverLost(context, settings),
    // One run at a time per process; runs in other processes at once are harmless.
    { concurrency: 1 },
  );

  await declareSchedule(context.queues, outboxSweepSchedule);
  await queue.add('sweep-at-start', {});
  return worker as Worker<OutboxSweepJobData, RedeliveryReport>;
}
