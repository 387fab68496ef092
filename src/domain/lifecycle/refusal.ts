import { lapsePending } from '../assignment.js';
import { shortMoment } from '../format.js';
import { scoreEntry } from '../ledger.js';
import { alreadyDone } from '../refusal.js';
import { isRefusal, readText } from './input.js';
import { precheck, refOf, stateRefusal, transitioned, type Transition } from './outcome.js';

/** 拒不办理 is recorded only before the enterprise has submitted a result. */
const refusableStates = ['issued', 'acknowledged', 'in_progress'];

/** 认定拒不办理: recorded by the 督查室 with the facts; −1 point. → refused (a pending extension lapses). */
export const recordRefusal: Transition<{ reason?: string }> = (
  assignment,
  actor,
  input,
  context,
) => {
  const refusal = precheck(assignment, actor, 'refuse', context);
  if (refusal) return refusal;
  if (assignment.refusal) {
    const { by, at } = assignment.refusal;
    return alreadyDone(`已由 ${by.name} 于 ${shortMoment(at)} 认定拒不办理`);
  }
  if (!refusableStates.includes(assignment.state)) return stateRefusal(assignment);

  const reason = readText(input.reason, 'reason', '认定理由', context.policy.limits.reason);
  if (isRefusal(reason)) return reason;

  const entry = scoreEntry(assignment, 'refusal', context.policy, {
    at: context.now,
    byOpenId: actor.openId,
    note: reason,
  });

  return transitioned(
    assignment,
    {
      state: 'refused',
      refusal: { reason, at: context.now, by: refOf(actor) },
      extensions: lapsePending(assignment.extensions, context.now),
    },
    { action: 'recordRefusal', reason },
    [entry],
  );
};
