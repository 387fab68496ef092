import { lapsePending, type Assignment, type Review } from '../assignment.js';
import { daysLate } from '../deadlines.js';
import { shortMoment } from '../format.js';
import { scoreEntry } from '../ledger.js';
import { alreadyDone, invalidInput, type Refusal } from '../refusal.js';
import { isRefusal, readText } from './input.js';
import {
  precheck,
  refOf,
  stateRefusal,
  transitioned,
  type Outcome,
  type TransitionContext,
  type Transition,
} from './outcome.js';
import type { Actor } from '../types.js';

export interface ReviewInput {
  decision: 'complete' | 'return' | 'perfunctory';
  /** 按时高质量完成: +0.2, only for an on-time completion. */
  onTimeHighQuality?: boolean;
  /** Required to return or to mark perfunctory. */
  reason?: string;
}

const verbs: Record<Review['decision'], string> = {
  complete: '审核办结',
  return: '退回重办',
  perfunctory: '认定敷衍',
};

/**
 * 审核 by the 督查室: 办结 (→ completed, a pending extension request lapses), 退回重办
 * (→ in_progress), or 认定敷衍 (→ in_progress with the perfunctory deduction).
 */
export const review: Transition<ReviewInput> = (assignment, actor, input, context) => {
  const refusal = precheck(assignment, actor, 'review', context);
  if (refusal) return refusal;
  const repeated = repeatedDecision(assignment, input.decision);
  if (repeated) return repeated;
  if (assignment.state !== 'under_review') return stateRefusal(assignment);

  const optional = input.decision === 'complete';
  const reason = readText(input.reason, 'reason', '原因', context.policy.limits.reason, optional);
  if (isRefusal(reason)) return reason;

  return input.decision === 'complete'
    ? complete(assignment, actor, Boolean(input.onTimeHighQuality), reason, context)
    : sendBack(assignment, actor, input.decision, reason, context);
};

/**
 * On time means the head's approval, when the result left the enterprise (policy §四(五)),
 * fell on or before the deadline day; the 督查室's review time does not count against it.
 */
function complete(
  assignment: Assignment,
  actor: Actor,
  onTimeHighQuality: boolean,
  reason: string,
  context: TransitionContext,
): Outcome {
  const submittedAt = lastApproval(assignment) ?? context.now;
  const late = daysLate(assignment.deadline, submittedAt);
  if (onTimeHighQuality && late > 0) {
    return invalidInput(`逾期 ${late} 天办结，不能认定按时高质量完成`, 'onTimeHighQuality');
  }

  const record: Review = {
    decision: 'complete',
    onTimeHighQuality,
    reason,
    at: context.now,
    by: refOf(actor),
  };
  const by = { at: context.now, byOpenId: actor.openId };
  const ledger = onTimeHighQuality
    ? [scoreEntry(assignment, 'onTimeHighQuality', context.policy, by)]
    : [];

  return transitioned(
    assignment,
    {
      state: 'completed',
      reviews: [...assignment.reviews, record],
      completedAt: context.now,
      completedDaysLate: late,
      extensions: lapsePending(assignment.extensions, context.now),
    },
    { action: 'review', outcome: 'complete', reason: reason || undefined },
    ledger,
  );
}

function sendBack(
  assignment: Assignment,
  actor: Actor,
  decision: 'return' | 'perfunctory',
  reason: string,
  context: TransitionContext,
): Outcome {
  const record: Review = {
    decision,
    onTimeHighQuality: false,
    reason,
    at: context.now,
    by: refOf(actor),
  };
  const reviews = [...assignment.reviews, record];
  const occurrence = reviews.filter((r) => r.decision === 'perfunctory').length;
  const ledger =
    decision === 'perfunctory'
      ? [
          scoreEntry(assignment, 'perfunctory', context.policy, {
            at: context.now,
            byOpenId: actor.openId,
            occurrence,
            note: reason,
          }),
        ]
      : [];

  return transitioned(
    assignment,
    { state: 'in_progress', reviews },
    { action: 'review', outcome: decision, reason },
    ledger,
  );
}

/**
 * The round's decision taken already (a double click, two supervisors at once): the last review
 * made the same decision and the matter is where that decision left it, short of a new sign-off.
 */
function repeatedDecision(a: Assignment, decision: Review['decision']): Refusal | null {
  const last = a.reviews.at(-1);
  if (last?.decision !== decision) return null;
  const sentBack = ['in_progress', 'awaiting_signoff'].includes(a.state);
  const settled = decision === 'complete' ? a.state === 'completed' : sentBack;

  return settled
    ? alreadyDone(`已由 ${last.by.name} 于 ${shortMoment(last.at)} ${verbs[decision]}`)
    : null;
}

function lastApproval(assignment: Assignment): Date | undefined {
  return assignment.signOffs.filter((s) => s.decision === 'approved').at(-1)?.at;
}
