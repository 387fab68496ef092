import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/domain/assignment.js';
import { computeDigest } from '../../../src/domain/digest.js';
import { at, buildAssignment, people } from '../../support/fixtures.js';

const head = { openId: people.head.openId, name: people.head.name };
const enterprises = [{ id: 'chengtou', name: '珠山区城市建设投资有限公司', shortName: '城投' }];

/** Issued Monday 2025-06-09, due (a fixed date) Tuesday 2025-06-10 17:30. */
let seq = 0;
function notice(overrides: Partial<Assignment>): Assignment {
  seq += 1;

  return buildAssignment({
    id: `2025-${seq}`,
    noticeNumber: `珠国资督〔2025〕${seq}号`,
    title: `事项 ${seq}`,
    issuedAt: at('2025-06-09 09:00'),
    deadline: at('2025-06-10 17:30'),
    deadlineDay: '2025-06-10',
    ...overrides,
  });
}
const approvedOn = (local: string) => [
  { decision: 'approved' as const, comment: '', at: at(local), by: head },
];

/** Monday 2025-06-16 08:30: reports on 06-09 … 06-15; the deadline passed on 06-10. */
function digestOf(assignments: Assignment[]) {
  return computeDigest({
    now: at('2025-06-16 08:30'),
    assignments,
    enterprises,
    totals: new Map(),
  });
}

describe('the weekly digest', () => {
  it('counts as overdue what the enterprise owes past the deadline, or signed off late', () => {
    const figures = digestOf([
      notice({ state: 'in_progress' }),
      notice({ state: 'under_review', signOffs: approvedOn('2025-06-10 11:00') }),
      notice({ state: 'under_review', signOffs: approvedOn('2025-06-12 11:00') }),
    ]);

    expect(figures.overdue).toBe(2);
    expect(figures.overdueItems.map((i) => [i.title, i.daysLate])).toEqual([
      ['事项 1', 6],
      ['事项 3', 2],
    ]);
  });

  it('counts a matter under review as neither overdue nor at risk of it', () => {
    const figures = computeDigest({
      now: at('2025-06-09 10:30'),
      assignments: [notice({ state: 'under_review', signOffs: approvedOn('2025-06-09 10:00') })],
      enterprises,
      totals: new Map(),
    });

    expect([figures.overdue, figures.atRisk]).toEqual([0, 0]);
  });

  it('leaves withdrawn notices out of those issued, as the statistics table does', () => {
    const withdrawal = { reason: '重复交办', at: at('2025-06-11 09:00'), by: head };
    const figures = digestOf([
      notice({ state: 'in_progress' }),
      notice({ state: 'withdrawn', withdrawal }),
      notice({ state: 'archived', withdrawal }),
    ]);

    expect(figures.issued).toBe(1);
  });
});
