/**
 * The weekly digest to leaders, on a BullMQ job scheduler at the policy's weekday and time
 * (Asia/Shanghai). One scheduler however many workers start it; the processor is idempotent
 * per week (src/app/reports/weekly-digest.ts).
 */
import { runWeeklyDigest } from '../src/app/reports/weekly-digest.js';
import type { Policy } from '../src/domain/policy.js';
import type { RuntimeContext } from '../src/runtime.js';
import { declareSchedule, type JobSchedule } from './job-schedule.js';

export const weeklyDigestQueue = 'weekly-digest';
export const weeklyDigestScheduler = 'weekly-digest';

/** The cron pattern for the policy's digest: 「30 8 * * 1」 for Monday 08:30. */
export function digestCronPattern(digest: Policy['digest']): string {
  const [hour, minute] = digest.time.split(':').map(Number);

  // Cron counts Sunday as 0; the policy's weekday is ISO (7 = Sunday).
  return `${minute} ${hour} * * ${digest.weekday % 7}`;
}

/** Upserts the scheduler and starts the worker; returns the schedule. */
export async function startWeeklyDigest(context: RuntimeContext): Promise<JobSchedule> {
  const { queues, clock, policy } = context;
  const schedule = await declareSchedule(queues, {
    queue: weeklyDigestQueue,
    id: weeklyDigestScheduler,
    repeat: { pattern: digestCronPattern(policy.digest), tz: 'Asia/Shanghai' },
    job: { name: 'digest', data: {} },
  });

  queues.worker(weeklyDigestQueue, async () => {
    await runWeeklyDigest(context, clock.now());
  });
  return schedule;
}
