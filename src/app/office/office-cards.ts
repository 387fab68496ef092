/**
 * The 督查室's tracked cards of an assignment: the review card of each round (purpose
 * `review:<round>`) and the decision card of each extension request (`extension:<seq>`), built
 * as they now stand, and where they go.
 */
import type { Card } from '../../../cards/card.js';
import { extensionDecisionCard } from '../../../cards/extension-decision.card.js';
import type { FieldProblem } from '../../../cards/office-form.js';
import { reviewCard } from '../../../cards/review.card.js';
import type { Assignment } from '../../domain/assignment.js';
import { chosenDeadlineDay, deadlineCap, movedDayNote } from '../../domain/deadlines.js';
import { deadlineStatusOf } from '../enterprise/notice-view.js';
import type { OfficeContext } from './context.js';

export const reviewPurpose = (round: number) => `review:${round}`;
export const extensionPurpose = (seq: number) => `extension:${seq}`;

type CardContext = Pick<OfficeContext, 'clock' | 'calendar' | 'policy'>;

/** The review card of round `round`, with a refused decision's input and reason if given. */
export function reviewCardFor(
  context: CardContext,
  a: Assignment,
  round: number,
  extra: { reason?: string; problem?: FieldProblem } = {},
): Card {
  const { policy } = context;
  const deadline = deadlineStatusOf(a, context.clock.now(), context.calendar);

  return reviewCard({
    assignment: a,
    round,
    deadline,
    scoring: policy.scoring,
    limits: policy.limits,
    ...extra,
  });
}

/** The decision card of extension request `seq`. */
export function extensionCardFor(
  context: CardContext,
  a: Assignment,
  seq: number,
  extra: { values?: { day?: string; reason?: string }; problem?: FieldProblem } = {},
): Card {
  const { policy, calendar } = context;
  const requested = a.extensions.find((e) => e.seq === seq)?.requestedDay;

  return extensionDecisionCard({
    assignment: a,
    seq,
    capDay: deadlineCap(a.issuedAt, a.level, a.originalDeadlineDay, policy),
    requestedNote: requested ? movedDayNote(chosenDeadlineDay(requested, calendar)) : '',
    maxDaysFromIssue: policy.deadlines.maxDaysFromIssue,
    decider: policy.extensions.deciders[a.level],
    limits: policy.limits,
    ...extra,
  });
}

/** A tracked copy's card as it now stands, or null for a purpose that is not ours. */
export function officeCardFor(context: CardContext, a: Assignment, purpose: string): Card | null {
  const [kind, number] = purpose.split(':');
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1) return null;
  if (kind === 'review') return reviewCardFor(context, a, n);
  if (kind === 'extension') return extensionCardFor(context, a, n);

  return null;
}
