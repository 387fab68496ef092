/**
 * A repeating job (a BullMQ job scheduler) that a worker process declares at start. Schedulers
 * live only in Redis, so the worker process keeps the list of what it declared and the
 * watchdog (scheduler-watchdog.ts) declares them again when Redis has lost them.
 */
import type { RepeatOptions } from 'bullmq';
import type { QueueFactory } from './queue-factory.js';

export interface JobSchedule {
  /** The queue the scheduler adds its jobs to. */
  queue: string;
  /** The scheduler's id within that queue. */
  id: string;
  /** `every` (ms), or a cron `pattern` with its `tz`. */
  repeat: Omit<RepeatOptions, 'key'>;
  /** The job it adds each time: a name and no payload (each run reads the store afresh). */
  job: { name: string; data: Record<string, never> };
}

/**
 * Declares the scheduler, or updates it to `schedule`: one scheduler however many processes
 * declare it, however often. Returns the schedule, for the process's list.
 */
export async function declareSchedule(
  queues: QueueFactory,
  schedule: JobSchedule,
): Promise<JobSchedule> {
  await queues.queue(schedule.queue).upsertJobScheduler(schedule.id, schedule.repeat, schedule.job);

  return schedule;
}
