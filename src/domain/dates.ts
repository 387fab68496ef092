/**
 * Calendar days and clock times in Asia/Shanghai, over luxon.
 *
 * A day is the string 'YYYY-MM-DD' (ordered as text), a clock time is 'HH:mm', and an instant is
 * a `Date`. Day arithmetic goes through luxon's calendar, never through sums of milliseconds.
 * Functions here throw RangeError on a malformed day or time: input from people is checked
 * first with `parseDay`.
 */
import { DateTime } from 'luxon';

import type { ClockTime } from './policy.js';

/** Every day and clock time in the project is read in this zone. */
export const zone = 'Asia/Shanghai';

// A day is a civil date with no zone of its own, so its arithmetic runs in UTC, where every day
// has 24 hours; Shanghai matters only where a day meets an instant (dayOf, atTime). Luxon is also
// several times faster in UTC than in a named zone, which counts inside working-day loops.
const civil = { zone: 'utc' };

const dayShape = /^\d{4}-\d{2}-\d{2}$/;
const clockTimeShape = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The day ('YYYY-MM-DD') on which `instant` falls in Asia/Shanghai. */
export function dayOf(instant: Date): string {
  return isoDayOf(DateTime.fromJSDate(instant, { zone }));
}

/**
 * `text` if it is an ISO day that exists ('2025-06-01'), else null. Strict: '2025-02-30',
 * '2025-6-1', '20250601' and surrounding spaces are all refused.
 */
export function parseDay(text: string): string | null {
  if (!dayShape.test(text)) return null;

  return DateTime.fromISO(text, civil).isValid ? text : null;
}

/** The instant of the local clock time `time` ('HH:mm') on `day` in Asia/Shanghai. */
export function atTime(day: string, time: ClockTime): Date {
  const clock = clockTimeShape.exec(time);
  if (clock == null) throw new RangeError(`not a clock time (HH:mm): ${time}`);

  const { year, month, day: dayOfMonth } = civilDay(day);
  const [hour, minute] = [Number(clock[1]), Number(clock[2])];

  return DateTime.fromObject({ year, month, day: dayOfMonth, hour, minute }, { zone }).toJSDate();
}

/** The day `n` calendar days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);

  return isoDayOf(civilDay(day).plus({ days: n }));
}

/** ISO weekday of `day`: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return civilDay(day).weekday;
}

/** The calendar year of `day`. */
export function yearOf(day: string): number {
  return civilDay(day).year;
}

/** Calendar days from `a` to `b`: 1 for consecutive days, negative when `b` is earlier. */
export function calendarDaysBetween(a: string, b: string): number {
  return civilDay(b).diff(civilDay(a), 'days').days;
}

function civilDay(day: string): DateTime {
  const dateTime = dayShape.test(day) ? DateTime.fromISO(day, civil) : null;
  if (dateTime == null || !dateTime.isValid) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);

  return dateTime;
}

function isoDayOf(dateTime: DateTime): string {
  const day = dateTime.toISODate();
  if (day == null) throw new RangeError(`not a valid date: ${dateTime.invalidExplanation}`);

  return day;
}
