import type { Assignment } from '../domain/assignment.js';
import { openStates } from '../domain/types.js';
import { AssignmentModel, fromStored } from './assignment.model.js';

/** The fields a list row shows; never the content (it may be confidential). */
const rowFields = {
  _id: 1,
  noticeNumber: 1,
  title: 1,
  enterpriseShortName: 1,
  state: 1,
  deadline: 1,
  deadlineDay: 1,
} as const;

export type AssignmentRow = Pick<
  Assignment,
  'id' | 'noticeNumber' | 'title' | 'enterpriseShortName' | 'state' | 'deadline' | 'deadlineDay'
>;

export interface AssignmentPage {
  rows: AssignmentRow[];
  total: number;
  openCount: number;
}

/**
 * One page of the assignments of these enterprises: open ones first, nearest deadline first,
 * then the finished ones, most recently issued first. Two queries (open, then the rest) keep
 * within what FerretDB can sort; both are served by the `{enterpriseId, state}` index.
 */
export async function assignmentsOfEnterprises(
  enterpriseIds: string[],
  page: number,
  pageSize: number,
): Promise<AssignmentPage> {
  const open = { enterpriseId: { $in: enterpriseIds }, state: { $in: openStates } };
  const closed = { enterpriseId: { $in: enterpriseIds }, state: { $nin: openStates } };
  const [openCount, closedCount] = await Promise.all([
    AssignmentModel.countDocuments(open),
    AssignmentModel.countDocuments(closed),
  ]);

  const skip = page * pageSize;
  const openRows =
    skip < openCount ? await rowsOf(open, { deadline: 1, _id: 1 }, skip, pageSize) : [];
  const rest = pageSize - openRows.length;
  const closedSkip = Math.max(0, skip - openCount);
  const closedRows =
    rest > 0 ? await rowsOf(closed, { issuedAt: -1, _id: 1 }, closedSkip, rest) : [];

  return { rows: [...openRows, ...closedRows], total: openCount + closedCount, openCount };
}

async function rowsOf(
  filter: object,
  sort: Record<string, 1 | -1>,
  skip: number,
  limit: number,
): Promise<AssignmentRow[]> {
  const docs = await AssignmentModel.find(filter, rowFields)
    .sort(sort)
    .skip(skip)
    .limit(limit)
    .lean();

  return docs.map((doc) => fromStored(doc as Parameters<typeof fromStored>[0]));
}
