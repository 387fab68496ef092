/** What requesting, deciding and granting an extension share: the day's rules, and refusals. */
import type { Assignment, Extension } from '../assignment.js';
import { deadlineCap, placeChosenDay, type ChosenDeadlineDay } from '../deadlines.js';
import { shortMoment } from '../format.js';
import { alreadyDone, invalidInput, wrongState, type Refusal } from '../refusal.js';
import type { TransitionContext } from './outcome.js';

/**
 * The day an extension would run to: later than the current deadline, not past the cap, and on
 * a working day (a rest day moves to the next one, refused if that passes the cap).
 */
export function placeExtensionDay(
  a: Assignment,
  day: string | undefined,
  context: TransitionContext,
): ChosenDeadlineDay | Refusal {
  if (!day) return invalidInput('请选择延期后的日期', 'day');
  if (day <= a.deadlineDay) return invalidInput(`延期日期须晚于当前时限 ${a.deadlineDay}`, 'day');
  const { policy, calendar } = context;
  const cap = deadlineCap(a.issuedAt, a.level, a.originalDeadlineDay, policy);
  if (day > cap) {
    const days = policy.deadlines.maxDaysFromIssue;
    return invalidInput(`延期不能晚于 ${cap}（交办之日起最长 ${days} 日）`, 'day');
  }

  const placed = placeChosenDay(day, cap, policy, calendar);
  if (!placed.ok) return invalidInput(placed.message, 'day');

  return placed.movedFrom ? { day: placed.day, movedFrom: placed.movedFrom } : { day: placed.day };
}

/** The fields of a granted extension for the day placed. */
export function grantedDay(placed: ChosenDeadlineDay): Pick<Extension, 'decidedDay' | 'chosenDay'> {
  return placed.movedFrom
    ? { decidedDay: placed.day, chosenDay: placed.movedFrom }
    : { decidedDay: placed.day };
}

/** Nothing to decide: the last decision (a double click, a second decider), else plainly none. */
export function noPendingRequest(a: Assignment): Refusal {
  const last = a.extensions.at(-1);
  if (!last?.decidedBy || !last.decidedAt) return wrongState('没有待审批的延期申请');
  if (last.direct) return alreadyExtended(last);
  const verdict = last.status === 'approved' ? `批准延至 ${last.decidedDay}` : '不批准';

  return alreadyDone(
    `该延期申请已由 ${last.decidedBy.name} 于 ${shortMoment(last.decidedAt)} ${verdict}`,
  );
}

/** 「时限已由 王督查 于 05-21 10:00 延至 2025-06-10」. */
export function alreadyExtended(e: Extension): Refusal {
  const by = e.decidedBy?.name ?? e.requestedBy.name;

  return alreadyDone(
    `时限已由 ${by} 于 ${shortMoment(e.decidedAt ?? e.requestedAt)} 延至 ${e.decidedDay}`,
  );
}
