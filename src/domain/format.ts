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
