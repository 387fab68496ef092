import type { SignOff } from '../assignment.js';
import { shortMoment } from '../format.js';
import { alreadyDone } from '../refusal.js';
import { readText } from './input.js';
import { isRefusal } from './input.js';
import { precheck, refOf, stateRefusal, transitioned, type Transition } from './outcome.js';

export interface SignOffInput {
  decision: 'approved' | 'rejected';
  /** Required when returning the feedback for changes. */
  comment?: string;
}

/**
 * 审签: the enterprise head approves the feedback (→ under_review, it goes to the 督查室) or
 * returns it with a comment (→ in_progress).
 */
export const signOff: Transition<SignOffInput> = (assignment, actor, input, context) => {
  const refusal = precheck(assignment, actor, 'signOff', context);
  if (refusal) return refusal;
  if (assignment.state !== 'awaiting_signoff') {
    const last = assignment.signOffs.at(-1);
    const sameDecisionMade = last && last.decision === input.decision;
    if (
      sameDecisionMade &&
      (assignment.state === 'under_review' || input.decision === 'rejected')
    ) {
      const verb = last.decision === 'approved' ? '审签同意' : '退回修改';
      return alreadyDone(`已由 ${last.by.name} 于 ${shortMoment(last.at)} ${verb}`);
    }
    return stateRefusal(assignment);
  }

  const optional = input.decision === 'approved';
  const comment = readText(
    input.comment,
    'comment',
    '退回意见',
    context.policy.limits.comment,
    optional,
  );
  if (isRefusal(comment)) return comment;

  const record: SignOff = { decision: input.decision, comment, at: context.now, by: refOf(actor) };
  const state = input.decision === 'approved' ? 'under_review' : 'in_progress';

  return transitioned(
    assignment,
    { state, signOffs: [...assignment.signOffs, record] },
    { action: 'signOff', outcome: input.decision, reason: comment || undefined },
  );
};
