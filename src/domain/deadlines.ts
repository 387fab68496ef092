/**
 * Deadlines (policy §五, DESIGN.md §2), as pure functions; working-time arithmetic is in
 * working-hours.ts.
 *
 * Periods follow the Civil Code (arts. 201 and 203): the day of issue is not counted, and a period
 * in calendar days whose last day is not a working day ends on the next working day. Days are
 * 'YYYY-MM-DD' in Asia/Shanghai; see docs/decisions.md ("Deadlines") for the choices made here.
 */
import {
  addWorkingDays,
  subtractWorkingDays,
  workingDayOnOrAfter,
  type WorkingCalendar,
} from './calendar.js';
import { addDays, atTime, calendarDaysBetween, dayOf, parseDay } from './dates.js';
import { movedDayNote } from './format.js';
import type { Policy } from './policy.js';
import type { Level } from './types.js';

// Day stepping lives with the calendar; exported here too, as part of the deadline toolkit.
export { addWorkingDays, subtractWorkingDays, workingDayOnOrAfter } from './calendar.js';
export { movedDayNote } from './format.js';
export { addWorkingHours, nextWorkingMoment } from './working-hours.js';

/** Level names as the policy writes them, for cards. */
const levelNames: Record<Exclude<Level, 'fixed'>, string> = {
  routine: '一般事项',
  important: '重要事项',
  critical: '特别重大事项',
};

export interface DeadlineRequest {
  issuedAt: Date;
  level: Level;
  /** The date named by the source document ('YYYY-MM-DD'); required for `fixed`, else not read. */
  fixedDay?: string;
}

export interface ComputedDeadline {
  /** The deadline day, 'YYYY-MM-DD'. */
  day: string;
  /** The close of that day (`deadlines.endOfDay`, Asia/Shanghai). */
  deadline: Date;
  /** How the day was found, in Chinese for cards: 「一般事项 5 个工作日」. */
  rule: string;
  /** True when a year from issue to deadline is worked Monday–Friday for want of a schedule. */
  fallback: boolean;
  /** A fixed item's date, when it was not a working day and the deadline moved past it. */
  movedFrom?: string;
}

export type DeadlineErrorCode = 'fixedDayMissing' | 'fixedDayInvalid' | 'fixedDayNotAfterIssue';

/** A request `computeDeadline` cannot serve: a bug in the caller, not retryable. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';

  constructor(
    readonly code: DeadlineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The deadline of an item issued at `issuedAt`. Working-day counting ends on the N-th working day
 * after the issue day; calendar-day counting on issue day + N, moved to the next working day.
 * A `fixed` item ends on `fixedDay`, moved to the next working day when it is not one, as any
 * day chosen (other levels do not read it). Throws DeadlineError
 * when a fixed item's `fixedDay` is missing, not a day or not after the issue day: check people's
 * input first with `validateDeadlineOverride`.
 */
export function computeDeadline(
  request: DeadlineRequest,
  policy: Policy,
  calendar: WorkingCalendar,
): ComputedDeadline {
  const { issuedAt, level, fixedDay } = request;
  const issueDay = dayOf(issuedAt);

  const found =
    level === 'fixed'
      ? fixedDeadline(checkedFixedDay(issueDay, fixedDay), calendar)
      : countedDeadline(issueDay, level, policy, calendar);

  return {
    ...found,
    deadline: atTime(found.day, policy.deadlines.endOfDay),
    fallback: calendar.uncoveredYears(issueDay, found.day).length > 0,
  };
}

/**
 * The latest day any deadline of the item may have, extensions included: the issue day plus
 * `deadlines.maxDaysFromIssue` calendar days (not moved off holidays: it is a bound, not a
 * period). For `fixed` items, the later of that and `originalDeadlineDay`, which the office
 * cannot shorten; for other levels `originalDeadlineDay` is not read.
 */
export function deadlineCap(
  issuedAt: Date,
  level: Level,
  originalDeadlineDay: string,
  policy: Policy,
): string {
  const cap = addDays(dayOf(issuedAt), policy.deadlines.maxDaysFromIssue);
  if (level !== 'fixed') return cap;

  const fixedDay = parseDay(originalDeadlineDay);
  if (fixedDay == null) throw new RangeError(`not a day (YYYY-MM-DD): ${originalDeadlineDay}`);

  return fixedDay > cap ? fixedDay : cap;
}

export type OverrideCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether the 督查室 may set `day` (people's input) as the deadline of an item issued at
 * `issuedAt`: a real day, after the issue day, not after the cap. The message is for the card.
 */
export function validateDeadlineOverride(
  issuedAt: Date,
  level: Level,
  day: string,
  policy: Policy,
): OverrideCheck {
  const parsed = parseDay(day);
  if (parsed == null) return refused(`「${day}」不是有效日期，请按 YYYY-MM-DD 填写，如 2025-06-20`);

  const issueDay = dayOf(issuedAt);
  if (parsed <= issueDay) return refused(`时限须晚于交办日期（${issueDay}）`);

  const cap = deadlineCap(issuedAt, level, parsed, policy);
  const maxDays = policy.deadlines.maxDaysFromIssue;
  if (parsed > cap) return refused(`时限不能晚于 ${cap}（交办之日起 ${maxDays} 日）`);

  return { ok: true };
}

/** A deadline day chosen by a person, as it stands. */
export interface ChosenDeadlineDay {
  /** The deadline day: the day chosen, or the next working day when that is not one. */
  day: string;
  /** The day chosen, when it was not a working day and the deadline moved past it. */
  movedFrom?: string;
}

/**
 * Where a day a person chose as a deadline (the 督查室's date, a fixed item's document date, an
 * extension) lands: on the next working day when it is a weekend or holiday, as the Civil Code
 * (art. 203) ends a period whose last day is a holiday; otherwise on the day itself.
 */
export function chosenDeadlineDay(day: string, calendar: WorkingCalendar): ChosenDeadlineDay {
  const working = workingDayOnOrAfter(day, calendar);

  return working === day ? { day } : { day: working, movedFrom: day };
}

export type PlacedDay = ({ ok: true } & ChosenDeadlineDay) | { ok: false; message: string };

/**
 * A chosen day already checked against `cap` as typed, placed on its working day: refused, with
 * the reason and the last day allowed, when moving it off a rest day passes the cap.
 */
export function placeChosenDay(
  day: string,
  cap: string,
  policy: Policy,
  calendar: WorkingCalendar,
): PlacedDay {
  const chosen = chosenDeadlineDay(day, calendar);
  if (chosen.day <= cap) return { ok: true, ...chosen };

  const lastAllowed = calendar.isWorkingDay(cap) ? cap : subtractWorkingDays(cap, 1, calendar);
  const maxDays = policy.deadlines.maxDaysFromIssue;
  const message =
    `${movedDayNote(chosen)}，超过最长时限 ${cap}（交办之日起 ${maxDays} 日）；` +
    `请选择 ${lastAllowed} 或更早的日期`;

  return { ok: false, message };
}

/**
 * Working days left for 「剩余 N 个工作日」: those after today up to and including the deadline
 * day; 0 on the deadline day. Past it, minus the working days since: −1 on the first working
 * day after, and a weekend or holiday counts as the working day it leads to.
 */
export function workingDaysLeft(now: Date, deadline: Date, calendar: WorkingCalendar): number {
  const today = dayOf(now);
  const deadlineDay = dayOf(deadline);
  if (today <= deadlineDay) return countWorkingDays(today, deadlineDay, calendar);

  // Otherwise the Saturday after a Friday deadline would read 0, as if nothing were late.
  return -countWorkingDays(deadlineDay, workingDayOnOrAfter(today, calendar), calendar);
}

/**
 * Whole calendar days from the deadline day to the day `at` falls on, 0 if not later: for
 * 「已逾期 1 天」. A completion after the deadline instant on the deadline day itself is 0 days late.
 */
export function daysLate(deadline: Date, at: Date): number {
  return Math.max(0, calendarDaysBetween(dayOf(deadline), dayOf(at)));
}

/**
 * The moment a matter became overdue: one second after its deadline (the deadline instant
 * itself is still on time). What the overdue record, its −0.2 and its event are dated with.
 */
export function overdueSince(deadline: Date): Date {
  return new Date(deadline.getTime() + 1_000);
}

function countedDeadline(
  issueDay: string,
  level: Exclude<Level, 'fixed'>,
  policy: Policy,
  calendar: WorkingCalendar,
): { day: string; rule: string } {
  const days = policy.deadlines.levelDays[level];
  if (policy.deadlines.dayCounting === 'working') {
    return {
      day: addWorkingDays(issueDay, days, calendar),
      rule: `${levelNames[level]} ${days} 个工作日`,
    };
  }

  const lastDay = workingDayOnOrAfter(addDays(issueDay, days), calendar);

  return { day: lastDay, rule: `${levelNames[level]} ${days} 日` };
}

function fixedDeadline(fixedDay: string, calendar: WorkingCalendar) {
  const chosen = chosenDeadlineDay(fixedDay, calendar);
  const rule = chosen.movedFrom ? `按文件规定时限；${movedDayNote(chosen)}` : '按文件规定时限';

  return { ...chosen, rule };
}

function checkedFixedDay(issueDay: string, fixedDay: string | undefined): string {
  if (fixedDay === undefined) {
    throw new DeadlineError('fixedDayMissing', 'a fixed item needs fixedDay');
  }

  const day = parseDay(fixedDay);
  if (day == null) throw new DeadlineError('fixedDayInvalid', `fixedDay is not a day: ${fixedDay}`);
  if (day <= issueDay) {
    throw new DeadlineError('fixedDayNotAfterIssue', `fixedDay ${day} is not after ${issueDay}`);
  }

  return day;
}

function refused(message: string): OverrideCheck {
  return { ok: false, message };
}

/** Working days after `from` up to and including `to`. */
function countWorkingDays(from: string, to: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count++;
  }

  return count;
}
