import { describe, expect, it } from 'vitest';
import type { SignOff } from '../../../src/domain/assignment.js';
import { isOverdue, overdueDays } from '../../../src/domain/overdue.js';
import type { AssignmentState } from '../../../src/domain/types.js';
import { at, buildAssignment, people } from '../../support/fixtures.js';

const head = { openId: people.head.openId, name: people.head.name };
const signOff = (decision: SignOff['decision'], local: string): SignOff => ({
  decision,
  comment: '',
  at: at(local),
  by: head,
});

/** Due 2025-05-28 17:30; looked at on 2025-06-02 10:00 unless the case says otherwise. */
function matter(state: AssignmentState, signOffs: SignOff[] = []) {
  return buildAssignment({ state, signOffs });
}

describe('isOverdue and overdueDays (the deadline is 2025-05-28 17:30)', () => {
  it.each([
    ['issued, before the deadline', matter('issued'), '2025-05-28 17:30', false, 0],
    ['issued, the evening of the deadline day', matter('issued'), '2025-05-28 18:00', true, 0],
    ['in progress, days after', matter('in_progress'), '2025-06-02 10:00', true, 5],
    [
      'awaiting sign-off: the enterprise still owes it',
      matter('awaiting_signoff', [signOff('rejected', '2025-05-27 10:00')]),
      '2025-06-02 10:00',
      true,
      5,
    ],
    [
      'under review, signed off on the deadline day, reviewed days later',
      matter('under_review', [signOff('approved', '2025-05-28 16:00')]),
      '2025-06-02 10:00',
      false,
      0,
    ],
    [
      'under review, signed off the evening of the deadline day',
      matter('under_review', [signOff('approved', '2025-05-28 20:00')]),
      '2025-06-02 10:00',
      false,
      0,
    ],
    [
      'under review, signed off two days late: late by the sign-off, not by today',
      matter('under_review', [
        signOff('rejected', '2025-05-27 10:00'),
        signOff('approved', '2025-05-30 09:00'),
      ]),
      '2025-06-20 10:00',
      true,
      2,
    ],
    [
      'completed late: closed, counted by its completion instead',
      buildAssignment({ state: 'completed', completedDaysLate: 2 }),
      '2025-06-02 10:00',
      false,
      0,
    ],
    ['withdrawn', matter('withdrawn'), '2025-06-02 10:00', false, 0],
  ])('%s', (_case, a, now, overdue, days) => {
    expect(isOverdue(a, at(now))).toBe(overdue);
    expect(overdueDays(a, at(now))).toBe(days);
  });
});
