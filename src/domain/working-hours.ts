/**
 * Working-time arithmetic: when a push may go out, and sums of working hours. Working hours are
 * the policy's (`workingHours.start`–`end`, Asia/Shanghai) on the calendar's working days.
 */
import { addWorkingDays, type WorkingCalendar } from './calendar.js';
import { atTime, dayOf } from './dates.js';
import type { Policy } from './policy.js';

const msPerHour = 3_600_000;

/**
 * When a push due at `at` may go out: `at` itself inside working hours (start inclusive, end
 * exclusive) on a working day, else the start of the next working day's hours. Always `at`
 * when `workingHours.allowOutsideHours` is set.
 */
export function nextWorkingMoment(at: Date, policy: Policy, calendar: WorkingCalendar): Date {
  if (policy.workingHours.allowOutsideHours) return at;

  return workingMomentFrom(at, policy, calendar);
}

/**
 * The instant `hours` working hours (fractions allowed) after `at`, counting only time inside
 * working hours on working days, whatever `allowOutsideHours` says. A sum that fills the day
 * exactly ends at its close, not at the next opening.
 */
export function addWorkingHours(
  at: Date,
  hours: number,
  policy: Policy,
  calendar: WorkingCalendar,
): Date {
  const { start, end } = policy.workingHours;
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`not a duration: ${hours} h`);
  if (start >= end) throw new RangeError(`working hours end before they start: ${start}–${end}`);

  let remainingMs = Math.round(hours * msPerHour);
  let cursor = workingMomentFrom(at, policy, calendar);
  let leftTodayMs = atTime(dayOf(cursor), end).getTime() - cursor.getTime();
  while (remainingMs > leftTodayMs) {
    remainingMs -= leftTodayMs;
    cursor = atTime(addWorkingDays(dayOf(cursor), 1, calendar), start);
    leftTodayMs = atTime(dayOf(cursor), end).getTime() - cursor.getTime();
  }

  return new Date(cursor.getTime() + remainingMs);
}

/** `at` if inside working hours on a working day, else the next opening. */
function workingMomentFrom(at: Date, policy: Policy, calendar: WorkingCalendar): Date {
  const { start, end } = policy.workingHours;
  const day = dayOf(at);
  if (calendar.isWorkingDay(day)) {
    const opening = atTime(day, start);
    if (at.getTime() < opening.getTime()) return opening;
    if (at.getTime() < atTime(day, end).getTime()) return at;
  }

  return atTime(addWorkingDays(day, 1, calendar), start);
}
