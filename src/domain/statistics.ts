/**
 * 督办情况统计表 (policy attachment 2): per enterprise and per notice, for a period. Pure: the
 * store loads the period's assignments and the ledger totals; `now` decides what is overdue.
 * Column definitions are in docs/decisions.md ("Statistics") and under the .xlsx table.
 */
import type { Assignment } from './assignment.js';
import type { WorkingCalendar } from './calendar.js';
import { addWorkingDays } from './calendar.js';
import { atTime, dayOf } from './dates.js';
import { isOverdue, overdueDays } from './overdue.js';
import type { Period } from './period.js';
import type { Policy } from './policy.js';
import type { AssignmentState, Level } from './types.js';

/** What the table reads of an assignment; the store loads only these fields. */
export type StatisticsAssignment = Pick<
  Assignment,
  | 'id'
  | 'enterpriseId'
  | 'enterpriseName'
  | 'enterpriseShortName'
  | 'noticeNumber'
  | 'year'
  | 'seq'
  | 'title'
  | 'level'
  | 'issuedAt'
  | 'deadline'
  | 'deadlineDay'
  | 'state'
  | 'acknowledgedAt'
  | 'completedAt'
  | 'completedDaysLate'
> & {
  reviews: Array<{ decision: Assignment['reviews'][number]['decision'] }>;
  /** The head's decisions and when: a matter under review is late if signed off late. */
  signOffs: Array<Pick<Assignment['signOffs'][number], 'decision' | 'at'>>;
  extensions: Array<{ status: Assignment['extensions'][number]['status'] }>;
  refusal?: { at: Date };
  withdrawal?: { at: Date };
};

/**
 * Where a notice stands, one value each, so the standings of an enterprise's notices add up
 * to what it received (withdrawn notices are outside the count).
 */
export type Standing =
  'completedOnTime' | 'completedLate' | 'overdueOpen' | 'open' | 'refused' | 'withdrawn';

/** One enterprise's line; counts are numbers of notices (件). */
export interface StatisticsRow {
  enterpriseId: string;
  name: string;
  shortName: string;
  received: number;
  acknowledged: number;
  acknowledgedOnTime: number;
  completedOnTime: number;
  completedLate: number;
  overdueOpen: number;
  open: number;
  returned: number;
  refused: number;
  extended: number;
  /** Ledger points of the period's notices, in thousandths. */
  milliPoints: number;
}

/** One notice of the per-item list. */
export interface StatisticsItem {
  assignmentId: string;
  noticeNumber: string;
  title: string;
  level: Level;
  enterpriseId: string;
  enterpriseShortName: string;
  issuedDay: string;
  deadlineDay: string;
  state: AssignmentState;
  standing: Standing;
  /** Calendar days past the deadline: at the sign-off, or so far while the result is owed. */
  daysLate: number;
}

export interface StatisticsTable {
  period: Period;
  generatedAt: Date;
  rows: StatisticsRow[];
  totals: StatisticsRow;
  items: StatisticsItem[];
}

export interface StatisticsInput {
  period: Period;
  now: Date;
  policy: Policy;
  calendar: WorkingCalendar;
  /** Every enterprise of the directory, in its order: each gets a line, even with no notice. */
  enterprises: Array<{ id: string; name: string; shortName: string }>;
  /** The notices issued within the period. */
  assignments: StatisticsAssignment[];
  /** Ledger points per enterprise of those notices, in thousandths. */
  milliPoints: Map<string, number>;
}

/**
 * Builds the table: one line per enterprise, a totals line and the per-notice list.
 *
 * Limitation: standings are as of `now`, not as of the period's end: a table of last March
 * built today counts a March notice completed in April as completed. The records keep only
 * the current state and the times of each step, which would allow an as-of table later.
 */
export function computeStatistics(input: StatisticsInput): StatisticsTable {
  const { now } = input;
  const acknowledgeBy = acknowledgementDue(input.policy, input.calendar);
  const rows = new Map(input.enterprises.map((e) => [e.id, emptyRow(e.id, e.name, e.shortName)]));
  const items: StatisticsItem[] = [];

  for (const assignment of sortedByNumber(input.assignments)) {
    const standing = standingOf(assignment, now);
    items.push(itemOf(assignment, standing, now));
    if (standing === 'withdrawn') continue;

    const row = rowFor(rows, assignment);
    count(row, assignment, standing, acknowledgeBy);
  }
  for (const [enterpriseId, milliPoints] of input.milliPoints) {
    const row = rows.get(enterpriseId);
    if (row) row.milliPoints = milliPoints;
  }

  const lines = [...rows.values()];
  return { period: input.period, generatedAt: now, rows: lines, totals: sumRows(lines), items };
}

/**
 * Where a notice stands at `now`. An archived notice keeps the standing it was archived in,
 * read from its refusal, withdrawal or completion record. An open one is overdue by the
 * office's one rule (`isOverdue`): under review, only when the head signed it off late, so it
 * moves to 逾期办结 (not from 在办) when it is completed.
 */
export function standingOf(a: StatisticsAssignment, now: Date): Standing {
  if (a.withdrawal || a.state === 'withdrawn') return 'withdrawn';
  if (a.refusal || a.state === 'refused') return 'refused';
  if (a.completedAt) return (a.completedDaysLate ?? 0) > 0 ? 'completedLate' : 'completedOnTime';
  if (isOverdue(a, now)) return 'overdueOpen';

  return 'open';
}

/**
 * When a notice must be acknowledged to count as on time: the close of working hours on the
 * N-th working day after the issue day, N being the policy's escalation point for
 * acknowledgement (1 by default: 「交办次一工作日下班前」). Memoised per issue day.
 */
export function acknowledgementDue(policy: Policy, calendar: WorkingCalendar) {
  const days = policy.reminders.acknowledgement.escalateAfterWorkingDays;
  const byIssueDay = new Map<string, number>();

  return (issuedAt: Date): number => {
    const issueDay = dayOf(issuedAt);
    let due = byIssueDay.get(issueDay);
    if (due === undefined) {
      due = atTime(addWorkingDays(issueDay, days, calendar), policy.workingHours.end).getTime();
      byIssueDay.set(issueDay, due);
    }

    return due;
  };
}

function count(
  row: StatisticsRow,
  a: StatisticsAssignment,
  standing: Standing,
  acknowledgeBy: (issuedAt: Date) => number,
): void {
  row.received += 1;
  if (a.acknowledgedAt) row.acknowledged += 1;
  if (a.acknowledgedAt && a.acknowledgedAt.getTime() <= acknowledgeBy(a.issuedAt)) {
    row.acknowledgedOnTime += 1;
  }
  if (standing !== 'withdrawn') row[standing] += 1;
  if (a.reviews.some((r) => r.decision !== 'complete')) row.returned += 1;
  if (a.extensions.some((e) => e.status === 'approved')) row.extended += 1;
}

function itemOf(a: StatisticsAssignment, standing: Standing, now: Date): StatisticsItem {
  const late =
    standing === 'completedLate'
      ? (a.completedDaysLate ?? 0)
      : standing === 'overdueOpen'
        ? overdueDays(a, now)
        : 0;

  return {
    assignmentId: a.id,
    noticeNumber: a.noticeNumber,
    title: a.title,
    level: a.level,
    enterpriseId: a.enterpriseId,
    enterpriseShortName: a.enterpriseShortName,
    issuedDay: dayOf(a.issuedAt),
    deadlineDay: a.deadlineDay,
    state: a.state,
    standing,
    daysLate: late,
  };
}

/** The enterprise's line; an enterprise no longer in the directory gets one under its old name. */
function rowFor(rows: Map<string, StatisticsRow>, a: StatisticsAssignment): StatisticsRow {
  let row = rows.get(a.enterpriseId);
  if (!row) {
    row = emptyRow(a.enterpriseId, a.enterpriseName, a.enterpriseShortName);
    rows.set(a.enterpriseId, row);
  }

  return row;
}

function emptyRow(enterpriseId: string, name: string, shortName: string): StatisticsRow {
  return {
    enterpriseId,
    name,
    shortName,
    received: 0,
    acknowledged: 0,
    acknowledgedOnTime: 0,
    completedOnTime: 0,
    completedLate: 0,
    overdueOpen: 0,
    open: 0,
    returned: 0,
    refused: 0,
    extended: 0,
    milliPoints: 0,
  };
}

/** The numeric columns, in table order. */
export const countColumns = [
  'received',
  'acknowledged',
  'acknowledgedOnTime',
  'completedOnTime',
  'completedLate',
  'overdueOpen',
  'open',
  'returned',
  'refused',
  'extended',
  'milliPoints',
] as const satisfies ReadonlyArray<keyof StatisticsRow>;

function sumRows(rows: StatisticsRow[]): StatisticsRow {
  const totals = emptyRow('', '合计', '合计');
  for (const row of rows) for (const column of countColumns) totals[column] += row[column];

  return totals;
}

function sortedByNumber(assignments: StatisticsAssignment[]): StatisticsAssignment[] {
  return [...assignments].sort((a, b) => a.year - b.year || a.seq - b.seq);
}
