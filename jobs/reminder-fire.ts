/**
 * Firing one reminder: reload, plan again, and act only if the plan still holds it. A push is
 * claimed in `reminders_sent` before anything is sent, its messages go to the outbox with
 * uuids derived from its key, and only then is it marked sent; a retry after a crash anywhere
 * in between sends the same messages again, which the outbox and Feishu take once. `sent`
 * means handed to the outbox, which records each message in MongoDB before queueing it, so a
 * lost Redis loses none of them (jobs/outbox-redeliver.ts).
 */
import { reminderMessages } from '../src/app/reminder-messages.js';
import type { Clock } from '../src/clock.js';
import type { Assignment } from '../src/domain/assignment.js';
import type { WorkingCalendar } from '../src/domain/calendar.js';
import { systemActor } from '../src/domain/directory.js';
import type { Policy } from '../src/domain/policy.js';
import {
  findPlanned,
  planReminders,
  reminderKey,
  type PlannedReminder,
  type ReminderKind,
} from '../src/domain/reminder-plan.js';
import type { Directory } from '../src/domain/types.js';
import type { Outbox } from '../src/feishu/outbound.js';
import type { Logger } from '../src/logging/logger.js';
import { loadAssignment } from '../src/store/assignment.repo.js';
import type { AuditEvent } from '../src/store/audit-event.repo.js';
import { performAction } from '../src/store/perform-action.js';
import { claimReminder, markReminderSent } from '../src/store/reminder-sent.repo.js';

export interface FireDeps {
  clock: Clock;
  policy: Policy;
  calendar: WorkingCalendar;
  directory: { current(): Promise<Directory> };
  outbox: Outbox;
  /** Re-plans an assignment's jobs (the next of an open-ended series). */
  scheduler: { sync(assignment: Assignment): Promise<unknown> };
  /** Hands an applied audit event (the overdue record) to the event bus; else the sweeper will. */
  dispatch?: (event: AuditEvent) => Promise<unknown>;
  logger: Logger;
}

/** What became of a reminder job. */
export type FireOutcome = 'gone' | 'notPlanned' | 'recorded' | 'sent' | 'alreadySent';

/** Fires the reminder (assignment, kind, due time) if it still applies; see the file comment. */
export async function fireReminder(
  target: { assignmentId: string; kind: ReminderKind; dueAt: number },
  deps: FireDeps,
): Promise<FireOutcome> {
  let assignment = await loadAssignment(target.assignmentId);
  if (!assignment) return 'gone';

  const now = deps.clock.now();
  const plan = planReminders(assignment, deps.policy, deps.calendar, now);
  const planned = findPlanned(plan, target.kind, new Date(target.dueAt));
  if (!planned) return 'notPlanned';

  // The flag and the −0.2 come before anyone is told, so the card's words are true.
  if (planned.kind === 'overdueRecord' || (planned.kind === 'overdue' && !assignment.overdueAt)) {
    assignment = await recordOverdue(assignment, now, deps);
  }
  const outcome =
    planned.kind === 'overdueRecord' ? 'recorded' : await send(assignment, planned, now, deps);

  // The overdue series is planned one repeat ahead: firing one plans the next.
  if (planned.kind.startsWith('overdue')) await deps.scheduler.sync(assignment);
  return outcome;
}

async function send(
  assignment: Assignment,
  reminder: PlannedReminder,
  now: Date,
  deps: FireDeps,
): Promise<FireOutcome> {
  const key = reminderKey(assignment.id, reminder.kind, reminder.dueAt);
  const claim = await claimReminder(
    { key, assignmentId: assignment.id, kind: reminder.kind, dueAt: reminder.dueAt },
    now,
  );
  if (claim === 'sent') return 'alreadySent';

  const directory = await deps.directory.current();
  const { policy, calendar } = deps;
  const messages = reminderMessages({
    assignment,
    reminder,
    key,
    directory,
    policy,
    calendar,
    now,
  });
  // The processor's logger already names the assignment.
  const log = { kind: reminder.kind, dueAt: reminder.dueAt };
  if (messages.length === 0) {
    // Left claimed, not sent: retried (and rebuilt by the reconciler) until someone is there.
    deps.logger.warn(log, 'reminder has nobody to go to; check the directory; will retry');
    throw new NobodyToRemindError(assignment.id, reminder.kind);
  }

  for (const message of messages) await deps.outbox.enqueue(message);
  await markReminderSent(key, now, messages.length);

  const resumed = claim === 'resumed';
  deps.logger.info({ ...log, messages: messages.length, resumed }, 'reminder sent');
  return 'sent';
}

/**
 * A reminder the directory gives nobody to send to (an enterprise without its liaison or
 * head). It fails the job so that BullMQ retries it, and the reconciler replaces it after the
 * last attempt while the plan still owes it: it goes once the directory is fixed.
 */
export class NobodyToRemindError extends Error {
  override readonly name = 'NobodyToRemindError';

  constructor(assignmentId: string, kind: ReminderKind) {
    super(`reminder ${kind} of assignment ${assignmentId} has no recipients`);
  }
}

/** Records the overdue event (once: a second attempt is refused as already done). */
async function recordOverdue(
  assignment: Assignment,
  now: Date,
  deps: FireDeps,
): Promise<Assignment> {
  const result = await performAction(
    {
      assignmentId: assignment.id,
      action: 'recordOverdue',
      actor: systemActor,
      input: {},
      channel: 'system',
    },
    { now, policy: deps.policy, calendar: deps.calendar },
  );
  if (!result.ok) {
    deps.logger.debug({ refusal: result.refusal.code }, 'overdue not recorded again');
    return result.assignment ?? assignment;
  }

  deps.logger.info({ deadline: assignment.deadline }, 'assignment overdue recorded');
  await deps.dispatch?.(result.event);
  return result.assignment;
}
