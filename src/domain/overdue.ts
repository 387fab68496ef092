/**
 * 逾期 as the office reads it: in 列表, 查看, 我的督办, 统计 and the weekly digest. One rule for
 * all of them, the one the reminders follow: a matter is late while the enterprise still owes
 * the result past the deadline; once the head has signed it off, what counts is whether the
 * sign-off fell after the deadline day (on time is judged by the sign-off, see review.ts),
 * never how long the 督查室 takes to review it.
 */
import type { Assignment, SignOff } from './assignment.js';
import { daysLate } from './deadlines.js';
import { enterpriseOwes } from './reminder-series.js';

/** What the rule reads of an assignment; lists load only these fields. */
export type OverdueFacts = Pick<Assignment, 'state' | 'deadline'> & {
  signOffs: ReadonlyArray<Pick<SignOff, 'decision' | 'at'>>;
};

/**
 * True when the matter is overdue at `now`: the enterprise still owes the result and the
 * deadline instant has passed, or the result is under review and the head signed it off after
 * the deadline day. A closed matter is never overdue (统计 reads its completion instead).
 */
export function isOverdue(a: OverdueFacts, now: Date): boolean {
  if (enterpriseOwes(a.state)) return now.getTime() > a.deadline.getTime();
  if (a.state === 'under_review') return daysLate(a.deadline, submittedAt(a, now)) > 0;

  return false;
}

/**
 * Whole calendar days late for 「已逾期 N 天」: up to `now` while the enterprise owes the result,
 * up to the sign-off once it is under review (the count stops when the result left the
 * enterprise), 0 when the matter is not overdue.
 */
export function overdueDays(a: OverdueFacts, now: Date): number {
  if (!isOverdue(a, now)) return 0;

  return daysLate(a.deadline, enterpriseOwes(a.state) ? now : submittedAt(a, now));
}

/**
 * When the result left the enterprise: the head's latest approval. Under review there is
 * always one; `now` stands in otherwise, as the review itself does.
 */
export function submittedAt(a: OverdueFacts, now: Date): Date {
  return a.signOffs.filter((s) => s.decision === 'approved').at(-1)?.at ?? now;
}
