/**
 * The weekly digest for leaders (policy §四(五): 报区财政局（国资办）领导阅示): what was issued
 * and closed last week, what is overdue now, what falls due this week, and the enterprises
 * doing best and worst on the year's points. Pure: `now` is an argument.
 */
import { DateTime } from 'luxon';
import type { Assignment } from './assignment.js';
import { addDays, atTime, dayOf, isoWeekday } from './dates.js';
import { isOverdue, overdueDays } from './overdue.js';
import { rankEnterprises } from './ranking.js';
import { enterpriseOwes } from './reminder-series.js';

/** A Monday-to-Sunday week in Shanghai. */
export interface DigestWeek {
  /** ISO week: 2025-W22. */
  id: string;
  fromDay: string;
  toDay: string;
  start: Date;
  /** 00:00 of the Monday after: the week is [start, end). */
  end: Date;
}

/** What the digest reads of an assignment. */
export type DigestAssignment = Pick<
  Assignment,
  | 'id'
  | 'noticeNumber'
  | 'enterpriseId'
  | 'enterpriseShortName'
  | 'title'
  | 'issuedAt'
  | 'deadline'
  | 'deadlineDay'
  | 'state'
  | 'completedAt'
> & {
  /** The head's decisions and when: a matter under review is late if signed off late. */
  signOffs: Array<Pick<Assignment['signOffs'][number], 'decision' | 'at'>>;
  /** Present once withdrawn, also after archiving: such a notice no longer counts as issued. */
  withdrawal?: { at: Date };
};

export interface DigestFigures {
  /** The week reported on (issued, closed). */
  week: DigestWeek;
  /** The assessment year of the points. */
  year: number;
  issued: number;
  closed: number;
  /** Overdue as of the digest (`isOverdue`: owed past the deadline, or signed off late). */
  overdue: number;
  /** Still owed by the enterprise, not yet overdue, due by the end of the current week. */
  atRisk: number;
  overdueItems: Array<{
    noticeNumber: string;
    enterprise: string;
    title: string;
    daysLate: number;
  }>;
  atRiskItems: Array<{
    noticeNumber: string;
    enterprise: string;
    title: string;
    deadlineDay: string;
  }>;
  best: Array<{ enterprise: string; milliPoints: number }>;
  worst: Array<{ enterprise: string; milliPoints: number }>;
}

export interface DigestInput {
  now: Date;
  /** Issued or closed in the reported week, or open now. */
  assignments: DigestAssignment[];
  enterprises: Array<{ id: string; name: string; shortName: string }>;
  /** Points per enterprise for `year`, in thousandths. */
  totals: Map<string, number>;
}

/** Items listed by name on the card; the counts cover all. */
export const digestListSize = 5;

/** The week containing `day` ('YYYY-MM-DD'). */
export function weekOf(day: string): DigestWeek {
  const fromDay = addDays(day, 1 - isoWeekday(day));
  const toDay = addDays(fromDay, 6);
  const id = DateTime.fromISO(fromDay, { zone: 'utc' }).toFormat("kkkk-'W'WW");

  return {
    id,
    fromDay,
    toDay,
    start: atTime(fromDay, '00:00'),
    end: atTime(addDays(toDay, 1), '00:00'),
  };
}

/** The last full week before the one `now` falls in: what a Monday digest reports on. */
export function reportedWeek(now: Date): DigestWeek {
  return weekOf(addDays(weekOf(dayOf(now)).fromDay, -7));
}

/** The digest's figures as of `now`. */
export function computeDigest(input: DigestInput): DigestFigures {
  const { now, assignments } = input;
  const week = reportedWeek(now);
  const within = (at: Date | undefined) => !!at && at >= week.start && at < week.end;
  const overdue = assignments.filter((a) => isOverdue(a, now));
  const thisWeekEnds = weekOf(dayOf(now)).toDay;
  // Under review the result has left the enterprise: nothing is at risk any more.
  const atRisk = assignments.filter(
    (a) =>
      enterpriseOwes(a.state) &&
      now.getTime() <= a.deadline.getTime() &&
      a.deadlineDay <= thisWeekEnds,
  );
  const { best, worst } = standings(input);

  return {
    week,
    year: Number(dayOf(now).slice(0, 4)),
    // As in the statistics table, a withdrawn notice no longer stands.
    issued: assignments.filter((a) => within(a.issuedAt) && !isWithdrawn(a)).length,
    closed: assignments.filter((a) => within(a.completedAt)).length,
    overdue: overdue.length,
    atRisk: atRisk.length,
    overdueItems: overdue
      .map((a) => ({ ...named(a), daysLate: overdueDays(a, now) }))
      .sort((a, b) => b.daysLate - a.daysLate)
      .slice(0, digestListSize),
    atRiskItems: atRisk
      .sort((a, b) => a.deadline.getTime() - b.deadline.getTime())
      .slice(0, digestListSize)
      .map((a) => ({ ...named(a), deadlineDay: a.deadlineDay })),
    best,
    worst,
  };
}

function isWithdrawn(a: DigestAssignment): boolean {
  return a.state === 'withdrawn' || Boolean(a.withdrawal);
}

function named(a: DigestAssignment) {
  return { noticeNumber: a.noticeNumber, enterprise: a.enterpriseShortName, title: a.title };
}

/** Up to three best and three worst on points, never the same enterprise in both. */
function standings(input: DigestInput): Pick<DigestFigures, 'best' | 'worst'> {
  const ranked = rankEnterprises(input.enterprises, input.totals);
  const size = Math.min(3, Math.floor(ranked.length / 2));
  const entry = (r: (typeof ranked)[number]) => ({
    enterprise: r.shortName,
    milliPoints: r.milliPoints,
  });

  return {
    best: ranked.slice(0, size).map(entry),
    worst: ranked
      .slice(ranked.length - size)
      .reverse()
      .map(entry),
  };
}
