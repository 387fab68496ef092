import type { Period } from '../domain/period.js';
import { singleYearOf } from '../domain/period.js';
import type { StatisticsAssignment } from '../domain/statistics.js';
import { AssignmentModel } from '../store/assignment.model.js';
import { LedgerEntryModel } from '../store/ledger.model.js';
import { totalsFor } from '../store/ledger.repo.js';

/** The fields the statistics table reads; content, plan and feedback stay in the store. */
const statisticsProjection = {
  enterpriseId: 1,
  enterpriseName: 1,
  enterpriseShortName: 1,
  noticeNumber: 1,
  year: 1,
  seq: 1,
  title: 1,
  level: 1,
  issuedAt: 1,
  deadline: 1,
  deadlineDay: 1,
  state: 1,
  acknowledgedAt: 1,
  completedAt: 1,
  completedDaysLate: 1,
  'reviews.decision': 1,
  'signOffs.decision': 1,
  'signOffs.at': 1,
  'extensions.status': 1,
  'refusal.at': 1,
  'withdrawal.at': 1,
} as const;

/**
 * The notices issued within the period, in one query with a projection. The year bounds let
 * the (year, seq) index narrow the scan: an assignment's year is the Shanghai year of issue.
 */
export async function loadPeriodAssignments(period: Period): Promise<StatisticsAssignment[]> {
  const docs = await AssignmentModel.find(
    {
      year: { $gte: Number(period.fromDay.slice(0, 4)), $lte: Number(period.toDay.slice(0, 4)) },
      issuedAt: { $gte: period.start, $lt: period.end },
    },
    statisticsProjection,
  ).lean();

  // The projection above names exactly the fields of StatisticsAssignment.
  return docs.map(({ _id, ...fields }) => ({ id: _id, ...fields }) as StatisticsAssignment);
}

/**
 * Ledger points per enterprise of the given notices, in thousandths. A whole year is the
 * assessment year's total (`totalsFor`); any other period sums the entries of its notices.
 * Either way one $sum per $group, the one accumulator FerretDB computes.
 */
export async function loadPeriodPoints(
  period: Period,
  assignmentIds: string[],
): Promise<Map<string, number>> {
  const year = singleYearOf(period);
  if (period.kind === 'year' && year !== null) return totalsFor(year);
  if (assignmentIds.length === 0) return new Map();

  const rows = await LedgerEntryModel.aggregate<{ _id: string; milliPoints: number }>([
    { $match: { assignmentId: { $in: assignmentIds } } },
    { $group: { _id: '$enterpriseId', milliPoints: { $sum: '$milliPoints' } } },
  ]);

  return new Map(rows.map((row) => [row._id, row.milliPoints]));
}
