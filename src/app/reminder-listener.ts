import type { ReminderScheduler } from '../../jobs/reminder-scheduler.js';
import type { AssignmentEventListener } from './assignment-events.js';

/**
 * Re-plans an assignment's reminders after every applied event (issue, acknowledgement,
 * extension decided, completion, withdrawal, overdue, …): jobs it now needs are added and
 * those it no longer needs removed. Idempotent, as event listeners must be.
 */
export function rescheduleReminders(
  scheduler: Pick<ReminderScheduler, 'sync'>,
): AssignmentEventListener {
  return async (_event, assignment) => {
    await scheduler.sync(assignment);
  };
}
