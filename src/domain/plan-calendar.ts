/**
 * The working-time questions the reminder plan asks, remembered per calendar and policy. The
 * plan asks the same few questions for every assignment (the same deadline days, the same
 * reminder times), and each answer costs several luxon conversions; planning 100 000
 * reminders at once (the reconciler) would spend most of its time repeating them. Answers
 * depend only on the arguments, the calendar and the policy, so remembering them keeps the
 * functions pure.
 */
import { addWorkingDays, subtractWorkingDays, type WorkingCalendar } from './calendar.js';
import { atTime, dayOf } from './dates.js';
import { addWorkingHours, nextWorkingMoment, workingDaysLeft } from './deadlines.js';
import type { ClockTime, Policy } from './policy.js';

/** Answers kept per calendar and policy before the memory is cleared and refilled. */
const maxEntries = 50_000;

export interface PlanCalendar {
  /** The push moment for `time` on `day`: that instant, or the next working moment. */
  pushAt(day: string, time: ClockTime): Date;
  /** `instant`, or the next working moment if it falls outside working hours. */
  push(instant: Date): Date;
  /** The push moment `hours` working hours after `instant` (the acknowledgement chasers). */
  pushAfterWorkingHours(instant: Date, hours: number): Date;
  /** The `n`-th working day after (n > 0) or before (n < 0) `day`. */
  stepWorkingDays(day: string, n: number): string;
  /** Working days after the issue day up to and including the deadline day. */
  workingDaysOfPeriod(issuedAt: Date, deadline: Date): number;
  /** The day in Shanghai of an instant. */
  dayOf(instant: Date): string;
}

const memories = new WeakMap<WorkingCalendar, WeakMap<Policy, PlanCalendar>>();

/** The remembering calendar for this calendar and policy (one per pair, made on first use). */
export function planCalendarFor(calendar: WorkingCalendar, policy: Policy): PlanCalendar {
  const byPolicy = memories.get(calendar) ?? new WeakMap<Policy, PlanCalendar>();
  memories.set(calendar, byPolicy);
  const existing = byPolicy.get(policy);
  if (existing) return existing;

  const created = createPlanCalendar(calendar, policy);
  byPolicy.set(policy, created);
  return created;
}

function createPlanCalendar(calendar: WorkingCalendar, policy: Policy): PlanCalendar {
  const remember = memory();
  const push = (instant: Date) =>
    new Date(
      remember(`p${instant.getTime()}`, () =>
        nextWorkingMoment(instant, policy, calendar).getTime(),
      ),
    );

  return {
    push,
    pushAfterWorkingHours: (instant, hours) =>
      new Date(
        remember(`h${instant.getTime()}|${hours}`, () =>
          push(addWorkingHours(instant, hours, policy, calendar)).getTime(),
        ),
      ),
    pushAt: (day, time) =>
      new Date(remember(`a${day}${time}`, () => push(atTime(day, time)).getTime())),
    stepWorkingDays: (day, n) =>
      remember(`s${day}${n}`, () =>
        n >= 0 ? addWorkingDays(day, n, calendar) : subtractWorkingDays(day, -n, calendar),
      ),
    workingDaysOfPeriod: (issuedAt, deadline) =>
      remember(`w${dayOf(issuedAt)}${deadline.getTime()}`, () =>
        workingDaysLeft(issuedAt, deadline, calendar),
      ),
    dayOf: (instant) => remember(`d${instant.getTime()}`, () => dayOf(instant)),
  };
}

/** A bounded map of answers: cleared whole when full (answers are cheap to find again). */
function memory() {
  const answers = new Map<string, unknown>();

  return <T>(key: string, find: () => T): T => {
    if (answers.has(key)) return answers.get(key) as T;
    if (answers.size >= maxEntries) answers.clear();
    const answer = find();
    answers.set(key, answer);
    return answer;
  };
}
