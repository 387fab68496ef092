import type { Assignment } from '../../src/domain/assignment.js';
import { createChineseCalendar } from '../../src/domain/calendar.js';
import { atTime } from '../../src/domain/dates.js';
import { fullMoment } from '../../src/domain/format.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import type { PlannedReminder } from '../../src/domain/reminder-plan.js';
import { at, buildAssignment } from './fixtures.js';

/** The official calendar without overrides. */
export const calendar = createChineseCalendar({ holidays: [], workdays: [] });

/** A plan as lines 「kind yyyy-MM-dd HH:mm steps」, a step with urgent pushes as `head(app)`. */
export function lines(plan: PlannedReminder[]): string[] {
  return plan.map((r) => {
    const steps = r.recipients.map((x) => (x.urgent.length ? `${x.step}(${x.urgent})` : x.step));
    return `${r.kind} ${fullMoment(r.dueAt)} ${steps.join('+')}`.trim();
  });
}

/** An assignment issued at `issuedLocal` (Shanghai) due at the close of `deadlineDay`. */
export function issued(
  issuedLocal: string,
  deadlineDay: string,
  overrides: Partial<Assignment> = {},
): Assignment {
  return buildAssignment({
    issuedAt: at(issuedLocal),
    deadlineDay,
    originalDeadlineDay: deadlineDay,
    deadline: atTime(deadlineDay, '17:30'),
    ...overrides,
  });
}

/** The default policy with other reminder settings and working hours. */
export function policyWith(
  reminders: Partial<Policy['reminders']>,
  hours: Partial<Policy['workingHours']> = {},
): Policy {
  return {
    ...defaultPolicy,
    reminders: { ...defaultPolicy.reminders, ...reminders },
    workingHours: { ...defaultPolicy.workingHours, ...hours },
  };
}
