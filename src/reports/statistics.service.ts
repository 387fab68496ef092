import type { Period } from '../domain/period.js';
import { computeStatistics, type StatisticsTable } from '../domain/statistics.js';
import type { RuntimeContext } from '../runtime.js';
import { loadPeriodAssignments, loadPeriodPoints } from './statistics.query.js';

/** What building the table needs of the runtime (the directory only to read it). */
export type StatisticsDeps = Pick<RuntimeContext, 'policy' | 'calendar'> & {
  directory: Pick<RuntimeContext['directory'], 'current'>;
};

/**
 * The 督办情况统计表 for a period as of `now`: the period's notices (one query), the ledger
 * points of those notices (one aggregation) and every enterprise of the directory.
 */
export async function buildStatisticsTable(
  deps: StatisticsDeps,
  period: Period,
  now: Date,
): Promise<StatisticsTable> {
  const [directory, assignments] = await Promise.all([
    deps.directory.current(),
    loadPeriodAssignments(period),
  ]);
  const milliPoints = await loadPeriodPoints(
    period,
    assignments.map((a) => a.id),
  );

  return computeStatistics({
    period,
    now,
    policy: deps.policy,
    calendar: deps.calendar,
    enterprises: directory.enterprises,
    assignments,
    milliPoints,
  });
}
