import type { RuntimeContext } from '../src/runtime.js';
import { deleteDraftsBefore } from '../src/store/issue-draft.repo.js';
import { resumeIssuing } from '../src/store/issue.repo.js';
import { declareSchedule, type JobSchedule } from './job-schedule.js';

/**
 * Issuing's housekeeping: expired 交办 previews are deleted (the store has no TTL indexes), and
 * an issue interrupted after its numbers were taken is finished, so no numbered notice is lost
 * (its `issue` events are then dispatched by the event bus's sweeper).
 */
export const issueMaintenanceQueue = 'issue-maintenance';

/** How long a preview can be confirmed, in ms: one day. Older drafts are deleted. */
export const draftLifetimeMs = 24 * 3_600_000;

/** An issue still `issuing` this long after it started is taken as interrupted, in ms. */
export const interruptedIssueAfterMs = 5 * 60_000;

/** How often the housekeeping runs, in ms. */
const everyMs = 10 * 60_000;

/** Schedules the housekeeping every ten minutes (one scheduler for all workers) and runs it. */
export async function startIssueMaintenance(context: RuntimeContext): Promise<JobSchedule> {
  const { queues, clock, logger, policy } = context;
  const schedule = await declareSchedule(queues, {
    queue: issueMaintenanceQueue,
    id: 'every-ten-minutes',
    repeat: { every: everyMs },
    job: { name: 'tidy', data: {} },
  });

  queues.worker(issueMaintenanceQueue, async () => {
    const now = clock.now().getTime();
    const deleted = await deleteDraftsBefore(new Date(now - draftLifetimeMs));
    const resumed = await resumeIssuing(new Date(now - interruptedIssueAfterMs), policy);
    if (resumed.length > 0) logger.warn({ itemIds: resumed }, 'interrupted issues finished');
    logger.debug({ deleted }, 'expired issue previews deleted');
  });
  return schedule;
}
