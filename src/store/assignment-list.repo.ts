/**
 * The 督查室's 列表: assignments of every enterprise (or of some), filtered by state and, for
 * 逾期, by a deadline already passed; a page at a time through one or more such queries.
 */
import type { Assignment } from '../domain/assignment.js';
import { isOverdue, type OverdueFacts } from '../domain/overdue.js';
import type { AssignmentState } from '../domain/types.js';
import { AssignmentModel, fromStored } from './assignment.model.js';

/** What a list row shows of an assignment, and the sign-offs that decide if it is late. */
export type AssignmentRow = Pick<
  Assignment,
  'id' | 'noticeNumber' | 'title' | 'enterpriseShortName' | 'state' | 'deadline' | 'deadlineDay'
> &
  OverdueFacts;

/** One slice of the list: which assignments, in which order. */
export interface ListQuery {
  /** Only these enterprises' assignments; all when absent. */
  enterpriseIds?: string[];
  states: readonly AssignmentState[];
  /** Only those whose deadline is before this instant (逾期). */
  deadlineBefore?: Date;
  /** Only these assignments (逾期 under review, chosen by `lateUnderReviewIds`). */
  ids?: string[];
  /** `deadline`: nearest deadline first; `newest`: most recently issued first. */
  order: 'deadline' | 'newest';
}

/** The fields a row shows; never the content (it may be confidential). */
const rowFields = {
  _id: 1,
  noticeNumber: 1,
  title: 1,
  enterpriseShortName: 1,
  state: 1,
  deadline: 1,
  deadlineDay: 1,
  'signOffs.decision': 1,
  'signOffs.at': 1,
} as const;

const orders = {
  deadline: { deadline: 1, _id: 1 },
  newest: { issuedAt: -1, _id: 1 },
} as const;

/**
 * Page `page` (zero-based) of the queries' results one after another, the total of all, and
 * each query's own count. Each query is served by the `{state, deadline}` or
 * `{enterpriseId, state}` index.
 */
export async function pageThrough(
  queries: ListQuery[],
  page: number,
  pageSize: number,
): Promise<{ rows: AssignmentRow[]; total: number; counts: number[] }> {
  const counts = await Promise.all(queries.map((q) => AssignmentModel.countDocuments(filterOf(q))));
  const rows: AssignmentRow[] = [];
  let skip = page * pageSize;

  for (const [index, query] of queries.entries()) {
    const count = counts[index] ?? 0;
    const wanted = pageSize - rows.length;
    if (wanted > 0 && skip < count) rows.push(...(await rowsOf(query, skip, wanted)));
    skip = Math.max(0, skip - count);
  }

  return { rows, total: counts.reduce((sum, n) => sum + n, 0), counts };
}

function filterOf(query: ListQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = { state: { $in: [...query.states] } };
  if (query.enterpriseIds) filter.enterpriseId = { $in: query.enterpriseIds };
  if (query.deadlineBefore) filter.deadline = { $lt: query.deadlineBefore };
  if (query.ids) filter._id = { $in: query.ids };

  return filter;
}

async function rowsOf(query: ListQuery, skip: number, limit: number): Promise<AssignmentRow[]> {
  const docs = await AssignmentModel.find(filterOf(query), rowFields)
    .sort(orders[query.order])
    .skip(skip)
    .limit(limit)
    .lean();

  return docs.map((doc) => fromStored(doc as Parameters<typeof fromStored>[0]));
}

/**
 * The matters under review that are overdue (逾期): signed off by the head after the deadline
 * day. The stand-in store cannot compare two fields of a document, so the rule
 * (`isOverdue`) runs here over those under review with the deadline passed, which the
 * 督查室 keeps few; served by the `{state, deadline}` index.
 */
export async function lateUnderReviewIds(
  enterpriseIds: string[] | undefined,
  now: Date,
): Promise<string[]> {
  const filter = filterOf({
    enterpriseIds,
    states: ['under_review'],
    deadlineBefore: now,
    order: 'deadline',
  });
  const docs = await AssignmentModel.find(filter, {
    state: 1,
    deadline: 1,
    'signOffs.decision': 1,
    'signOffs.at': 1,
  }).lean();

  return docs
    .map((doc) => fromStored(doc as Parameters<typeof fromStored>[0]))
    .filter((a) => isOverdue(a, now))
    .map((a) => a.id);
}
