import { DateTime } from 'luxon';

const zone = 'Asia/Shanghai';

/** 「05-21 10:32」: a moment in Shanghai time, as refusals and timelines show it. */
export function shortMoment(at: Date): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('MM-dd HH:mm');
}

/** 「2025-05-21 10:32」. */
export function fullMoment(at: Date): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** The year in Shanghai of an instant (the assessment year of an issue). */
export function shanghaiYear(at: Date): number {
  return DateTime.fromJSDate(at, { zone }).year;
}

/** 「6月14日」: a day ('YYYY-MM-DD') as a sentence names it. */
export function monthDay(day: string): string {
  return DateTime.fromISO(day, { zone: 'utc' }).toFormat('M月d日');
}

/**
 * 「6月14日为休息日，时限顺延至6月16日」: why a deadline someone chose is the next working day
 * (`chosenDeadlineDay`), or '' when it did not move.
 */
export function movedDayNote(chosen: { day: string; movedFrom?: string }): string {
  if (!chosen.movedFrom) return '';

  return `${monthDay(chosen.movedFrom)}为休息日，时限顺延至${monthDay(chosen.day)}`;
}
