/**
 * Which days are working days: the State Council's holiday and make-up working day (调休)
 * schedule, as published in the `chinese-days` package, plus the office's own overrides.
 */
import { createRequire } from 'node:module';

import { addDays, isoWeekday, parseDay, yearOf } from './dates.js';

export interface WorkingCalendar {
  /** True when `day` ('YYYY-MM-DD') is a working day. Throws RangeError on a malformed day. */
  isWorkingDay(day: string): boolean;
  /** True when the schedule of `year` is known; an unknown year is worked Monday to Friday. */
  covers(year: number): boolean;
  /** The years from `fromDay` to `toDay` (inclusive, either order) whose schedule is unknown. */
  uncoveredYears(fromDay: string, toDay: string): number[];
}

/** Extra dates from the policy file ('YYYY-MM-DD'); they win over the published schedule. */
export interface CalendarOverrides {
  holidays: string[];
  /** Make-up working days (调休上班), usually a Saturday or Sunday. */
  workdays: string[];
  /**
   * Years whose whole schedule the overrides give (the package does not have it yet). Dates in
   * a year not listed are applied, but the rest of that year still falls back to Monday–Friday.
   */
  coveredYears?: number[];
}

export interface CalendarOptions {
  /** Told once per year, when a day of it is first counted Monday–Friday for want of a schedule. */
  onFallback?: (year: number) => void;
}

interface PublishedSchedule {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// The package's plain JSON rather than its API: a data lookup with no lunar-calendar code.
const published = createRequire(import.meta.url)(
  'chinese-days/dist/chinese-days.json',
) as PublishedSchedule;

const publishedHolidays = new Set(Object.keys(published.holidays));
const publishedWorkdays = new Set(Object.keys(published.workdays));
const publishedYears = yearsOf([...publishedHolidays, ...publishedWorkdays]);

/** How far to look for a working day before calling the calendar broken. */
const maxSearchDays = 366;

/** True when the `chinese-days` package has the schedule of `year`. */
export function isPublishedYear(year: number): boolean {
  return publishedYears.has(year);
}

/**
 * The official Chinese working calendar with `overrides` on top. A year is covered when the
 * package has it or `overrides.coveredYears` lists it; an uncovered year falls back to
 * Monday–Friday (with its override dates applied), and `options.onFallback` is told once per year.
 * Throws RangeError when an override is not a real day or is listed as both kinds.
 */
export function createChineseCalendar(
  overrides: CalendarOverrides,
  options: CalendarOptions = {},
): WorkingCalendar {
  const holidays = new Set(overrides.holidays.map(checkedDay));
  const workdays = new Set(overrides.workdays.map(checkedDay));
  const conflict = [...holidays].find((day) => workdays.has(day));
  if (conflict != null) throw new RangeError(`calendar override is both kinds: ${conflict}`);

  // One override date is not a year's schedule: only a listed year counts as known.
  const coveredYears = new Set([...publishedYears, ...(overrides.coveredYears ?? [])]);
  const covers = (year: number): boolean => coveredYears.has(year);
  const reported = new Set<number>();
  const fellBack = (day: string) => {
    const year = Number(day.slice(0, 4));
    if (covers(year) || reported.has(year)) return;
    reported.add(year);
    options.onFallback?.(year);
  };

  return {
    isWorkingDay: (day) => {
      if (holidays.has(day)) return false;
      if (workdays.has(day)) return true;
      if (publishedHolidays.has(day)) return false;
      if (publishedWorkdays.has(day)) return true;

      const weekday = isoWeekday(day);
      fellBack(day);
      return weekday <= 5;
    },
    covers,
    uncoveredYears: (fromDay, toDay) => {
      const first = Math.min(yearOf(fromDay), yearOf(toDay));
      const last = Math.max(yearOf(fromDay), yearOf(toDay));
      const years = Array.from({ length: last - first + 1 }, (_, index) => first + index);

      return years.filter((year) => !covers(year));
    },
  };
}

/** `day` if it is a working day, else the next working day. */
export function workingDayOnOrAfter(day: string, calendar: WorkingCalendar): string {
  return calendar.isWorkingDay(day) ? day : adjacentWorkingDay(day, 1, calendar);
}

/** The `n`-th working day after `day`, which itself is not counted; `day` when `n` is 0. */
export function addWorkingDays(day: string, n: number, calendar: WorkingCalendar): string {
  return stepWorkingDays(day, n, 1, calendar);
}

/** The `n`-th working day before `day` (D−n reminders); `day` when `n` is 0. */
export function subtractWorkingDays(day: string, n: number, calendar: WorkingCalendar): string {
  return stepWorkingDays(day, n, -1, calendar);
}

function checkedDay(text: string): string {
  const day = parseDay(text);
  if (day == null) throw new RangeError(`calendar override is not a day (YYYY-MM-DD): ${text}`);

  return day;
}

/** Years of days already known to be well formed (parsing each would slow the start). */
function yearsOf(days: string[]): Set<number> {
  return new Set(days.map((day) => Number(day.slice(0, 4))));
}

function stepWorkingDays(
  day: string,
  n: number,
  direction: 1 | -1,
  calendar: WorkingCalendar,
): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count of working days: ${n}`);

  let current = day;
  for (let step = 0; step < n; step++) current = adjacentWorkingDay(current, direction, calendar);

  return current;
}

/** The first working day strictly after (1) or before (−1) `day`. */
function adjacentWorkingDay(day: string, direction: 1 | -1, calendar: WorkingCalendar): string {
  for (let offset = 1; offset <= maxSearchDays; offset++) {
    const candidate = addDays(day, offset * direction);
    if (calendar.isWorkingDay(candidate)) return candidate;
  }

  throw new RangeError(`no working day within ${maxSearchDays} days of ${day}: check the calendar`);
}
