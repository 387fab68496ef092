import type { RuntimeContext } from '../src/runtime.js';
import { declareSchedule, type JobSchedule } from './job-schedule.js';

/** Re-dispatches assignment events whose listeners failed or never ran (a crash in between). */
export const assignmentEventsSweepQueue = 'assignment-events-sweep';

/** How often the sweep runs, in ms. */
const everyMs = 60_000;

/**
 * Schedules the sweep of the assignment event bus (src/app/assignment-events.ts) every minute,
 * so an event whose notifications failed is handed to its listeners again.
 */
export async function startAssignmentEventsSweep(context: RuntimeContext): Promise<JobSchedule> {
  const { queues, clock, logger, events } = context;
  const schedule = await declareSchedule(queues, {
    queue: assignmentEventsSweepQueue,
    id: 'every-minute',
    repeat: { every: everyMs },
    job: { name: 'sweep', data: {} },
  });

  queues.worker(assignmentEventsSweepQueue, async () => {
    const dispatched = await events.sweep(clock.now());
    if (dispatched > 0) logger.info({ dispatched }, 'undispatched assignment events dispatched');
  });
  return schedule;
}
