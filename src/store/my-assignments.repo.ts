import { assignmentStates, isOpen } from '../domain/types.js';
import { pageThrough, type AssignmentRow } from './assignment-list.repo.js';

export type { AssignmentRow } from './assignment-list.repo.js';

export interface AssignmentPage {
  rows: AssignmentRow[];
  total: number;
  openCount: number;
}

const closedStates = assignmentStates.filter((state) => !isOpen(state));

/**
 * One page (zero-based) of the assignments of these enterprises: open ones first, nearest
 * deadline first, then the finished ones, most recently issued first.
 */
export async function assignmentsOfEnterprises(
  enterpriseIds: string[],
  page: number,
  pageSize: number,
): Promise<AssignmentPage> {
  const { rows, total, counts } = await pageThrough(
    [
      { enterpriseIds, states: assignmentStates.filter(isOpen), order: 'deadline' },
      { enterpriseIds, states: closedStates, order: 'newest' },
    ],
    page,
    pageSize,
  );

  return { rows, total, openCount: counts[0] ?? 0 };
}
